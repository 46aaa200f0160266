namespace BorderAlertBot.Health;

/// <summary>
/// Asks a platform whether it accepts the configured credentials (Discord: <c>GET /users/@me</c>; Slack:
/// <c>auth.test</c>), once at start, for <c>/readyz</c>. A platform without credentials is not configured and not asked.
/// </summary>
public interface ICredentialCheck
{
    /// <summary>"discord", "slack": the name <c>/readyz</c> reports it under.</summary>
    string Platform { get; }

    bool IsConfigured { get; }

    Task<CredentialVerdict> CheckAsync(CancellationToken cancellationToken);
}
