namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>Why the fake sent a 429.</summary>
public enum FakeSlackLimitKind
{
    /// <summary>chat.postMessage above about 1 per second in one channel.</summary>
    Channel,

    /// <summary>chat.postMessage above the workspace-wide cap per minute.</summary>
    Workspace,

    /// <summary>A tiered method above its tier's calls per minute.</summary>
    MethodTier,

    /// <summary>An incoming webhook above about 1 per second.</summary>
    Webhook,

    /// <summary>Asked for by the test through <see cref="FakeSlackServer.FailNextRateLimited"/>.</summary>
    OnDemand,
}
