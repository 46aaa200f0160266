using System.Net;
using System.Net.Http.Json;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Ingestion.Acled.Api;

/// <summary>
/// ACLED's OAuth tokens (data-sources.md §1.1): a password grant gives an access token (24 h) and a refresh token
/// (14 days); an access token near its end is refreshed, a refused refresh falls back to the password, and a refused
/// password is a <see cref="SourceException"/> that names no credential. Tokens live in memory only.
/// </summary>
public sealed class AcledTokens(IHttpClientFactory httpClients, IOptions<AcledOptions> options, TimeProvider timeProvider) : IDisposable
{
    /// <summary>A token is renewed this long before ACLED says it ends, so a request never carries one that dies on the way.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan DefaultRefreshLifetime = TimeSpan.FromDays(14);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Token? _access;
    private Token? _refresh;

    /// <summary>A usable access token, getting a new one when needed.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_access is { } access && access.ExpiresAt - Margin > now)
            {
                return access.Value;
            }

            if (_refresh is { } refresh && refresh.ExpiresAt - Margin > now
                && await RequestAsync([new("grant_type", "refresh_token"), new("refresh_token", refresh.Value), new("client_id", "acled")], cancellationToken))
            {
                return _access!.Value; // RequestAsync set it.
            }

            var settings = options.Value;
            if (await RequestAsync(
                [new("username", settings.Username ?? string.Empty), new("password", settings.Password ?? string.Empty),
                 new("grant_type", "password"), new("client_id", "acled"), new("scope", "authenticated")],
                cancellationToken))
            {
                return _access!.Value;
            }

            throw new SourceException("ACLED refused the credentials (401): check Acled:Username and Acled:Password");
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets an access token ACLED refused (401), so the next <see cref="GetAsync"/> refreshes it.</summary>
    public void Refused(string accessToken)
    {
        if (_access?.Value == accessToken)
        {
            _access = null;
        }
    }

    /// <summary>Asks for tokens; false when ACLED refuses the grant (400 or 401), an exception for anything else.</summary>
    private async Task<bool> RequestAsync(KeyValuePair<string, string>[] form, CancellationToken cancellationToken)
    {
        using var client = httpClients.CreateClient(AcledApi.HttpClientName);
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri(options.Value.BaseUrl, "oauth/token"), content, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SourceException($"ACLED's token endpoint answered HTTP {(int)response.StatusCode} {response.StatusCode}");
        }

        var tokens = await response.Content.ReadFromJsonAsync(AcledJsonContext.Default.AcledTokenResponse, cancellationToken);
        if (string.IsNullOrEmpty(tokens?.AccessToken))
        {
            throw new SourceException("ACLED's token endpoint answered without an access token");
        }

        var now = timeProvider.GetUtcNow();
        _access = new Token(tokens.AccessToken, now + TimeSpan.FromSeconds(tokens.ExpiresIn ?? 86_400));
        _refresh = string.IsNullOrEmpty(tokens.RefreshToken)
            ? null
            : new Token(tokens.RefreshToken, now + (tokens.RefreshExpiresIn is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultRefreshLifetime));
        return true;
    }

    private sealed record Token(string Value, DateTimeOffset ExpiresAt);
}
