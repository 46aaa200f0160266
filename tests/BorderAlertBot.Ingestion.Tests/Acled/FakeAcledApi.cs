using System.Globalization;
using System.Text.Json;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fixtures;

namespace BorderAlertBot.Ingestion.Tests.Acled;

/// <summary>
/// ACLED's API as data-sources.md §1.1 describes it, written by us for <see cref="FixtureHttpServer"/>: the password and
/// refresh grants at <c>oauth/token</c> (tokens that expire on the test's clock), <c>api/acled/read</c> with an exact
/// <c>country</c> filter, a <c>timestamp</c> BETWEEN window, <c>page</c> and <c>limit</c>, and <c>api/deleted/read</c> likewise;
/// answers in ACLED's envelope with every value a string. Thread-safe: Kestrel calls it from its own threads.
/// </summary>
public sealed class FakeAcledApi(TimeProvider time, string username = "analyst@example.org", string password = "s3cret-pass")
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, string>> _rows = new(StringComparer.Ordinal);
    private readonly List<(string Id, long At)> _deleted = [];
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _refreshTokens = new(StringComparer.Ordinal);
    private int _issued;

    public string Username => username;

    public string Password { get; set; } = password;

    public TimeSpan AccessLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan RefreshLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>When set, the data endpoints answer <c>success: false</c> with this message.</summary>
    public string? Failure { get; set; }

    public int PasswordGrants { get; private set; }

    public int RefreshGrants { get; private set; }

    /// <summary>Uploads a row (or a revision of it) now, stamping the upload time as ACLED does.</summary>
    public void Upload(AcledRowBuilder row, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            var fields = new Dictionary<string, string>(row.Fields, StringComparer.Ordinal)
            {
                ["timestamp"] = (at ?? time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            };
            _rows[row.Id] = fields;
        }
    }

    public void Delete(string eventIdCnty)
    {
        lock (_gate)
        {
            _rows.Remove(eventIdCnty);
            _deleted.Add((eventIdCnty, time.GetUtcNow().ToUnixTimeSeconds()));
        }
    }

    /// <summary>Forgets every access token it issued (a server restart), so the next data call is a 401.</summary>
    public void RevokeAccessTokens()
    {
        lock (_gate)
        {
            _accessTokens.Clear();
        }
    }

    public void RevokeRefreshTokens()
    {
        lock (_gate)
        {
            _refreshTokens.Clear();
        }
    }

    public FixtureResponse Handle(FixtureRequest request)
    {
        lock (_gate)
        {
            return request.Path switch
            {
                "/oauth/token" when request.Method == "POST" => Token(request.Form()),
                "/api/acled/read" => Authorized(request) ? Read(request) : Unauthorized(),
                "/api/deleted/read" => Authorized(request) ? ReadDeleted(request) : Unauthorized(),
                _ => FixtureResponse.Empty(404),
            };
        }
    }

    private FixtureResponse Token(IReadOnlyDictionary<string, string> form)
    {
        var now = time.GetUtcNow();
        switch (form.GetValueOrDefault("grant_type"))
        {
            case "password" when form.GetValueOrDefault("username") == username && form.GetValueOrDefault("password") == Password
                && form.GetValueOrDefault("client_id") == "acled" && form.GetValueOrDefault("scope") == "authenticated":
                PasswordGrants++;
                return Issue(now);
            case "refresh_token" when form.GetValueOrDefault("refresh_token") is { } refresh && _refreshTokens.TryGetValue(refresh, out var until) && until > now:
                RefreshGrants++;
                _refreshTokens.Remove(refresh);
                return Issue(now);
            default:
                return FixtureResponse.Json("""{"error":"invalid_grant","error_description":"The user credentials were incorrect."}""", 400);
        }
    }

    private FixtureResponse Issue(DateTimeOffset now)
    {
        var access = $"access-{++_issued}";
        var refresh = $"refresh-{_issued}";
        _accessTokens[access] = now + AccessLifetime;
        _refreshTokens[refresh] = now + RefreshLifetime;
        return FixtureResponse.Json(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)AccessLifetime.TotalSeconds,
            ["access_token"] = access,
            ["refresh_token"] = refresh,
        }));
    }

    private bool Authorized(FixtureRequest request) =>
        request.Header("Authorization") is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && _accessTokens.TryGetValue(header["Bearer ".Length..], out var until) && until > time.GetUtcNow();

    private static FixtureResponse Unauthorized() => FixtureResponse.Json("""{"message":"Unauthorized"}""", 401);

    private FixtureResponse Read(FixtureRequest request)
    {
        if (Failure is { } failure)
        {
            return Envelope(null, failure);
        }

        var country = request.QueryValue("country");
        var (from, to) = Window(request, "timestamp");
        var matching = _rows.Values
            .Where(row => country is null || row["country"] == country)
            .Where(row => long.Parse(row["timestamp"], CultureInfo.InvariantCulture) is var at && at >= from && at <= to)
            .OrderBy(row => row["event_id_cnty"], StringComparer.Ordinal);
        return Envelope(Page(request, matching).Select(row => (object)row).ToList(), null);
    }

    private FixtureResponse ReadDeleted(FixtureRequest request)
    {
        var (from, to) = Window(request, "deleted_timestamp");
        var matching = _deleted.Where(deleted => deleted.At >= from && deleted.At <= to)
            .Select(deleted => new Dictionary<string, string>
            {
                ["event_id_cnty"] = deleted.Id,
                ["deleted_timestamp"] = deleted.At.ToString(CultureInfo.InvariantCulture),
            });
        return Envelope(Page(request, matching).Select(row => (object)row).ToList(), null);
    }

    private static (long From, long To) Window(FixtureRequest request, string column)
    {
        Assert.Equal("BETWEEN", request.QueryValue(column + "_where"));
        var bounds = request.QueryValue(column)!.Split('|');
        return (long.Parse(bounds[0], CultureInfo.InvariantCulture), long.Parse(bounds[1], CultureInfo.InvariantCulture));
    }

    private static IEnumerable<T> Page<T>(FixtureRequest request, IEnumerable<T> rows)
    {
        var limit = int.Parse(request.QueryValue("limit") ?? "5000", CultureInfo.InvariantCulture);
        var page = int.Parse(request.QueryValue("page") ?? "1", CultureInfo.InvariantCulture);
        return rows.Skip((page - 1) * limit).Take(limit);
    }

    private static FixtureResponse Envelope(List<object>? data, string? error) =>
        FixtureResponse.Json(error is null
            ? JsonSerializer.Serialize(new Dictionary<string, object> { ["status"] = 200, ["success"] = true, ["count"] = data!.Count, ["data"] = data })
            : JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["status"] = 400,
                ["success"] = false,
                ["error"] = new[] { new Dictionary<string, object> { ["status"] = 400, ["message"] = error } },
            }));
}
