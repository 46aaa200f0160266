namespace BorderAlertBot.Slack.Inbound;

/// <summary>
/// A slash command as Slack sends it, over HTTP as form fields or over Socket Mode as a JSON object of the same strings
/// (platforms/slack.md §1, §6). IDs only: names can change at any time. The deprecated verification token is ignored.
/// </summary>
public sealed record SlashCommand(string TeamId, string ChannelId, string UserId, string UserName, string Command, string Text, string? ResponseUrl)
{
    /// <summary>Reads the fields; null when the channel, user or command is missing, which Slack never sends.</summary>
    public static SlashCommand? From(IReadOnlyDictionary<string, string> fields)
    {
        string Field(string name) => fields.TryGetValue(name, out var value) ? value : string.Empty;
        if (Field("channel_id").Length == 0 || Field("user_id").Length == 0 || Field("command").Length == 0)
        {
            return null;
        }

        var responseUrl = Field("response_url");
        return new SlashCommand(Field("team_id"), Field("channel_id"), Field("user_id"), Field("user_name"), Field("command"), Field("text"),
            responseUrl.Length > 0 ? responseUrl : null);
    }

    /// <summary>Slack's certificate probe (<c>ssl_check=1</c>): answered 200 and otherwise ignored.</summary>
    public static bool IsSslCheck(IReadOnlyDictionary<string, string> fields) =>
        fields.TryGetValue("ssl_check", out var check) && check == "1";
}
