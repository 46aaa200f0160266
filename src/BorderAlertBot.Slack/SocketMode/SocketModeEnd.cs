namespace BorderAlertBot.Slack.SocketMode;

/// <summary>How a Socket Mode connection ended, or asked to be replaced (platforms/slack.md §6).</summary>
public enum SocketModeEnd
{
    /// <summary><c>warning</c> or <c>refresh_requested</c>: open a new connection now; this one keeps reading until Slack closes it.</summary>
    Replace,

    /// <summary>Closed, failed, or an unknown <c>disconnect</c> reason: reconnect after a back-off.</summary>
    Reconnect,

    /// <summary><c>link_disabled</c>: Socket Mode was switched off in the app's settings; do not reconnect.</summary>
    Stop,
}
