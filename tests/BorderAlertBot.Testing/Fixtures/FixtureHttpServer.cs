using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace BorderAlertBot.Testing.Fixtures;

/// <summary>
/// A real HTTP server on a free port of 127.0.0.1 that answers every request with a handler the test sets (and may
/// change between steps), and keeps every request it received. Sources under test point their configurable base URLs
/// at <see cref="BaseUrl"/>, so nothing reaches the internet. Thread-safe.
/// </summary>
public sealed class FixtureHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FixtureRequest> _requests = [];
    private Func<FixtureRequest, FixtureResponse> _handler;

    private FixtureHttpServer(WebApplication app, Func<FixtureRequest, FixtureResponse> handler)
    {
        _app = app;
        _handler = handler;
        app.Run(HandleAsync);
    }

    /// <summary>The server's root, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!; // Set by StartAsync before the server is handed out.

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<FixtureRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FixtureHttpServer> StartAsync(Func<FixtureRequest, FixtureResponse> handler, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FixtureHttpServer(app, handler);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers later requests with <paramref name="handler"/>.</summary>
    public void Handle(Func<FixtureRequest, FixtureResponse> handler)
    {
        lock (_gate)
        {
            _handler = handler;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = new FixtureRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal),
            context.Request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray());
        Func<FixtureRequest, FixtureResponse> handler;
        lock (_gate)
        {
            _requests.Add(request);
            handler = _handler;
        }

        var response = handler(request);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        if (response.Body.Length > 0)
        {
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
