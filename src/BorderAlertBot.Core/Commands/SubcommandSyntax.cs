namespace BorderAlertBot.Commands;

/// <summary>How one subcommand is written: usage line, one-line summary, an example, its options.</summary>
public sealed record SubcommandSyntax(string Name, string Usage, string Summary, string Example, bool RequiresAdmin, IReadOnlyList<OptionSyntax> Options)
{
    /// <summary>The option this key names (its name or an alias, any case, '_' for '-'), or null.</summary>
    public OptionSyntax? FindOption(string key)
    {
        var normalized = key.Replace('_', '-');
        return Options.FirstOrDefault(option => option.IsCalled(normalized));
    }

    /// <summary>The option names as a phrase: "kind, region or limit".</summary>
    public string OptionList() =>
        Options.Count switch
        {
            0 => "none",
            1 => Options[0].Name,
            _ => $"{string.Join(", ", Options.Take(Options.Count - 1).Select(option => option.Name))} or {Options[^1].Name}",
        };
}
