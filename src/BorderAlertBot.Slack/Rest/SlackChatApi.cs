using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlertBot.Slack.Wire;

namespace BorderAlertBot.Slack.Rest;

/// <summary>Messages in channels (platforms/slack.md §3): <c>chat.postMessage</c> and <c>chat.update</c>, as JSON.</summary>
public sealed class SlackChatApi(SlackApiClient client)
{
    /// <summary>
    /// Posts a message; <paramref name="threadTs"/> (the parent's <c>ts</c>) makes it a thread reply. Unfurls are off:
    /// the blocks say all, and a source's link should not pull in a preview.
    /// </summary>
    public Task<SlackResponse> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        var body = Body(message);
        body["channel"] = channel;
        if (threadTs is { Length: > 0 })
        {
            body["thread_ts"] = threadTs;
        }

        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        return client.PostJsonAsync(SlackMethod.ChatPostMessage, channel, body, cancellationToken);
    }

    /// <summary>Replaces a message's text and blocks; <paramref name="ts"/> is the one <c>chat.postMessage</c> answered with.</summary>
    public Task<SlackResponse> UpdateAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = Body(message);
        body["channel"] = channel;
        body["ts"] = ts;
        return client.PostJsonAsync(SlackMethod.ChatUpdate, channel, body, cancellationToken);
    }

    /// <summary>The message as Slack's JSON: <c>{"text":…,"blocks":[…]}</c>.</summary>
    public static JsonObject Body(SlackMessage message) =>
        JsonSerializer.SerializeToNode(message, SlackWireJsonContext.Default.SlackMessage)?.AsObject() ?? [];
}
