namespace BorderAlertBot.Slack.SocketMode;

/// <summary>What <c>apps.connections.open</c> gave: a fresh WebSocket URL, a wait, or a refusal that reconnecting cannot fix.</summary>
public abstract record SocketModeOpen
{
    private SocketModeOpen()
    {
    }

    public sealed record Url(Uri Address) : SocketModeOpen;

    public sealed record RetryAfter(TimeSpan Delay, string Reason) : SocketModeOpen;

    public sealed record Fatal(string Reason) : SocketModeOpen;
}
