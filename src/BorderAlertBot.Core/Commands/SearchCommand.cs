namespace BorderAlertBot.Commands;

/// <summary><c>/border search &lt;text&gt; [since]</c>: full-text search over titles, summaries, places and actors.</summary>
/// <param name="Text">What to look for, trimmed, <see cref="MinTextLength"/> to <see cref="MaxTextLength"/> characters.</param>
/// <param name="Since">Only events this recent, or null for any age.</param>
public sealed record SearchCommand(string Text, TimeSpan? Since) : BorderCommand
{
    public const int MinTextLength = 2;
    public const int MaxTextLength = 200;

    public static TimeSpan MaxSince { get; } = TimeSpan.FromDays(365);

    public override string Name => SubcommandNames.Search;

    public override bool RequiresAdmin => false;
}
