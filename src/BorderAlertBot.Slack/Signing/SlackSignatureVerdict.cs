namespace BorderAlertBot.Slack.Signing;

/// <summary>
/// What <see cref="SlackSignature.Verify"/> found (platforms/slack.md §2). Anything but <see cref="Valid"/> is answered
/// with 401 before the body is parsed. None of them carries the secret or the expected signature.
/// </summary>
public enum SlackSignatureVerdict
{
    /// <summary>Signed with our signing secret over this timestamp and these exact bytes, inside the window.</summary>
    Valid,

    /// <summary><c>X-Slack-Signature</c> or <c>X-Slack-Request-Timestamp</c> is absent or empty.</summary>
    MissingHeader,

    /// <summary>
    /// The timestamp is not a whole number of Unix seconds, or the signature is not <c>v0=</c> and 64 lowercase hex
    /// characters (another version included).
    /// </summary>
    BadFormat,

    /// <summary>The timestamp is more than the window away from now, in the past or the future: a replay or a skewed clock.</summary>
    Stale,

    /// <summary>Well-formed and fresh, but not the HMAC of this timestamp and body with our secret: forged or altered.</summary>
    Mismatch,

    /// <summary>Valid, but this very signature was already accepted once: the same request sent again (a replay).</summary>
    Replayed,
}
