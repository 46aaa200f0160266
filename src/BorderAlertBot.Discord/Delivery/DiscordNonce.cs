using System.Security.Cryptography;
using System.Text;

namespace BorderAlertBot.Discord.Delivery;

/// <summary>
/// The outbox's idempotency key as a Discord <c>nonce</c>: at most 25 characters (platforms/discord.md §3), so a hash
/// of the key — the same key always gives the same nonce, and with <c>enforce_nonce</c> a re-send after a crash returns the
/// message Discord already has instead of posting it twice.
/// </summary>
public static class DiscordNonce
{
    public const int MaxLength = 25;

    public static string From(string idempotencyKey) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=')[..MaxLength];
}
