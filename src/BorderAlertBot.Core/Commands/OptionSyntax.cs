namespace BorderAlertBot.Commands;

/// <summary>One option of a subcommand: its name (a Slack <c>key:</c> and a Discord option), what it takes, other accepted keys.</summary>
/// <param name="Description">One line for help and Discord (at most 100 characters).</param>
/// <param name="IsList">Takes several values, comma-separated or given again (<c>regions:MM,TH</c>).</param>
public sealed record OptionSyntax(string Name, string Description, bool IsList = false)
{
    /// <summary>Other keys people type for it (<c>kind</c> for <c>kinds</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public bool IsCalled(string key) =>
        string.Equals(Name, key, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(key, StringComparer.OrdinalIgnoreCase);
}
