namespace BorderAlertBot.Health;

/// <summary>What a platform said of the bot's credentials. Reasons name status codes and error codes, never a secret.</summary>
public abstract record CredentialVerdict
{
    private CredentialVerdict()
    {
    }

    /// <summary>The platform took them; <paramref name="Identity"/> is who it says the bot is.</summary>
    public sealed record Accepted(string Identity) : CredentialVerdict;

    /// <summary>The platform refused them (a revoked or mistyped token): the platform's traffic is stopped.</summary>
    public sealed record Refused(string Reason) : CredentialVerdict;

    /// <summary>No answer either way (an outage, a refused connection, a 429): asked again later.</summary>
    public sealed record Unreachable(string Reason) : CredentialVerdict;
}
