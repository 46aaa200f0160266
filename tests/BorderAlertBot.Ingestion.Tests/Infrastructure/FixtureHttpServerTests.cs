using System.Net;
using BorderAlertBot.Testing.Fixtures;

namespace BorderAlertBot.Ingestion.Tests.Infrastructure;

public sealed class FixtureHttpServerTests
{
    [Fact]
    public async Task It_answers_over_real_http_with_the_current_handler_and_keeps_every_request()
    {
        // Arrange
        await using var server = await FixtureHttpServer.StartAsync(_ => FixtureResponse.Text("first").WithHeader("ETag", "\"1\""));
        using var client = new HttpClient { BaseAddress = server.BaseUrl };

        // Act
        using var first = await client.GetAsync(new Uri("feed.xml?page=2", UriKind.Relative));
        server.Handle(_ => FixtureResponse.Empty(304));
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = new FormUrlEncodedContent([new("grant_type", "password")]) };
        using var second = await client.SendAsync(request);

        // Assert
        Assert.Equal("first", await first.Content.ReadAsStringAsync());
        Assert.Equal("\"1\"", first.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(["/feed.xml", "/oauth/token"], server.Requests.Select(received => received.Path));
        Assert.Equal("2", server.Requests[0].QueryValue("page"));
        Assert.Equal("password", server.Requests[1].Form()["grant_type"]);
    }
}
