namespace BorderAlertBot.Discord.Interactions.Signing;

/// <summary>
/// What <see cref="InteractionSignature.Verify"/> found (platforms/discord.md §1.1). Anything but <see cref="Valid"/> is
/// answered with 401 before the body is parsed.
/// </summary>
public enum SignatureVerdict
{
    /// <summary>Signed by the application's key over this timestamp and these exact bytes, inside our replay window.</summary>
    Valid,

    /// <summary><c>X-Signature-Ed25519</c> or <c>X-Signature-Timestamp</c> is absent or empty.</summary>
    Missing,

    /// <summary>The signature is not 128 hex characters, or the timestamp is not a whole number of Unix seconds.</summary>
    Malformed,

    /// <summary>Well-formed, but not a signature by the application's key over this timestamp and body.</summary>
    Forged,

    /// <summary>
    /// Genuinely signed, but the timestamp is further from now than the max age, in the past or the future: a replay or a
    /// badly skewed clock. The window is our policy; Discord sets none (§1.1, api-docs#6209).
    /// </summary>
    Stale,

    /// <summary>Valid, but this very signature was already accepted once inside the window: the same request sent again (a replay).</summary>
    Replayed,
}
