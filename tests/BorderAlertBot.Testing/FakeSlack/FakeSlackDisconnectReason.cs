namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>The <c>reason</c> values of a Socket Mode <c>disconnect</c> frame (§6 step 6).</summary>
public static class FakeSlackDisconnectReason
{
    public const string Warning = "warning";

    public const string RefreshRequested = "refresh_requested";

    public const string LinkDisabled = "link_disabled";

    /// <summary>Observed, not documented: more sockets than the cap.</summary>
    public const string TooManyWebsockets = "too_many_websockets";
}
