namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>Why the fake answered 429 (the <c>X-RateLimit-Scope</c> it sent, §4).</summary>
public enum TooManyRequestsKind
{
    /// <summary>A route bucket was exhausted (<c>X-RateLimit-Scope: user</c>).</summary>
    User,

    /// <summary>The bot went over the global per-second limit (<c>X-RateLimit-Scope: global</c>).</summary>
    Global,

    /// <summary>A hidden channel-wide write limit, code 20028 (<c>X-RateLimit-Scope: shared</c>).</summary>
    Shared,

    /// <summary>An IP ban: a 429 with no X-RateLimit headers at all.</summary>
    Banned,

    /// <summary>A 429 scripted with <see cref="FakeDiscordServer.FailNext"/>.</summary>
    Injected,
}
