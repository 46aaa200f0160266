namespace BorderAlertBot.Commands;

/// <summary>One word of the text form: a plain word (<c>clash</c>, <c>"air strike"</c>) or a <c>key:value</c> pair.</summary>
/// <param name="Key">The key before the first unquoted colon, or null for a plain word.</param>
/// <param name="Value">The word or the value, quotes removed.</param>
/// <param name="Quoted">Some of it was in quotes, so an empty value was typed as <c>""</c>.</param>
internal readonly record struct CommandWord(string? Key, string Value, bool Quoted = false)
{
    /// <summary>The word as typed, less its quotes (<c>kind:clash</c>).</summary>
    public string Text => Key is null ? Value : $"{Key}:{Value}";
}
