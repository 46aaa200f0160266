using System.Security.Cryptography;
using System.Text;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// One route template. Its <see cref="BucketHash"/> is opaque and the same for every channel or webhook, as Discord's
/// <c>X-RateLimit-Bucket</c> is (§4): the window itself is per bucket and major parameter.
/// </summary>
internal sealed class FakeRoute(string method, string template, RouteKind kind, bool isBotAuthenticated, LimitKind limit, bool isChannelWrite)
{
    public string Method { get; } = method;

    /// <summary>The path under <c>/api/v10</c>, in ASP.NET Core route syntax.</summary>
    public string Template { get; } = template;

    public RouteKind Kind { get; } = kind;

    /// <summary>Needs <c>Authorization: Bot …</c> and a DiscordBot User-Agent, and counts toward the global limit.</summary>
    public bool IsBotAuthenticated { get; } = isBotAuthenticated;

    public LimitKind Limit { get; } = limit;

    /// <summary>Writes to a channel, so a hidden channel-wide write limit applies.</summary>
    public bool IsChannelWrite { get; } = isChannelWrite;

    public string Name => $"{Method} {Template}";

    public string BucketHash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{method} {template}")))[..32];
}
