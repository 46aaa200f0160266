using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Discord;

/// <summary><c>/border</c> through the interactions endpoint, answered by the core and rendered for Discord.</summary>
public sealed class DiscordCommandTests : IDisposable
{
    private static readonly DeliveryTarget Channel = new(TargetKind.DiscordChannel, DiscordBot.ChannelId);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Help_is_answered_at_once_and_only_the_caller_sees_it()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);

        var (status, body) = await discord.PostAsync(Interactions.Command("help"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, body!.Value.GetProperty("type").GetInt32());
        var data = body.Value.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Empty(data.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Contains("/border latest", Text(data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_answers_in_the_channel_with_the_newest_events_and_their_links()
    {
        // Arrange: the sample scenario, loaded and alerted to the console at start.
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath, withSample: true);
        discord.Bot.StartServer();
        await discord.Bot.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(20));

        // Act
        var (status, body) = await discord.PostAsync(Interactions.Command("latest", DiscordBot.MemberPermissions, ("kind", "clash"), ("region", "CN-MM"), ("limit", 3)));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, body!.Value.GetProperty("type").GetInt32());
        var data = body.Value.GetProperty("data");
        Assert.False(data.TryGetProperty("flags", out var flags) && flags.GetInt32() == 64);
        var text = Text(data);
        Assert.Contains("evt_laukkai_surrender_2024", text, StringComparison.Ordinal);
        Assert.Contains("https://", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_by_a_member_who_manages_the_channel_subscribes_that_channel_for_everyone_to_see()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);

        var (_, body) = await discord.PostAsync(Interactions.Command("subscribe", DiscordBot.AdminPermissions, ("kinds", "clash"), ("regions", "CN-MM"), ("updates", "both")));

        var data = body!.Value.GetProperty("data");
        Assert.False(data.TryGetProperty("flags", out var flags) && flags.GetInt32() == 64);
        Assert.Contains("Subscribed this channel", Text(data), StringComparison.Ordinal);
        var stored = Assert.Single(await discord.Bot.Services.GetRequiredService<ISubscriptionStore>().ListForTargetAsync(Channel, CancellationToken.None));
        Assert.Equal((UpdateMode.Both, "Alice"), (stored.Updates, stored.CreatedBy));
    }

    [Theory]
    [InlineData("subscribe")]
    [InlineData("mute")]
    [InlineData("digest")]
    public async Task An_admin_subcommand_by_a_member_without_manage_channels_is_refused_privately(string subcommand)
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        (string, JsonNode)[] options = subcommand switch
        {
            "mute" => [("duration", "8h")],
            "digest" => [("time", "07:30")],
            _ => [],
        };

        var (_, body) = await discord.PostAsync(Interactions.Command(subcommand, DiscordBot.MemberPermissions, options));

        var data = body!.Value.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Contains("that needs the Manage Channels permission", Text(data), StringComparison.Ordinal);
        Assert.Empty(await discord.Bot.Services.GetRequiredService<ISubscriptionStore>().ListForTargetAsync(Channel, CancellationToken.None));
    }

    [Fact]
    public async Task A_bad_option_gets_a_private_answer_that_names_it_and_what_was_probably_meant()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);

        var (_, body) = await discord.PostAsync(Interactions.Command("latest", DiscordBot.MemberPermissions, ("region", "myanmar-china")));

        var data = body!.Value.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Contains("did you mean CN-MM?", Text(data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_summary_with_its_chart_is_deferred_and_completed_with_the_chart_uploaded()
    {
        // Arrange
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath, withSample: true);
        discord.Bot.StartServer();
        await discord.Bot.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(20));
        var interaction = Interactions.Command("summary", DiscordBot.MemberPermissions, ("period", "90d"));
        var token = interaction["token"]!.GetValue<string>();

        // Act
        var (status, body) = await discord.PostAsync(interaction);
        await discord.Fake.WhenAsync(fake => fake.OriginalResponse(token) is not null).WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, body!.Value.GetProperty("type").GetInt32());
        var original = discord.Fake.OriginalResponse(token)!;
        var chart = Assert.Single(original.Attachments);
        Assert.EndsWith(".png", chart.FileName, StringComparison.Ordinal);
        Assert.True(chart.Content.Length > 5_000);
        Assert.Contains(original.Embeds.EnumerateArray(), embed =>
            embed.TryGetProperty("image", out var image) && image.GetProperty("url").GetString() == "attachment://" + chart.FileName);
    }

    [Fact]
    public async Task An_answer_slower_than_the_budget_is_deferred_and_completed_when_it_is_ready()
    {
        // Arrange: the store's latest-events query waits until the test lets it go.
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        discord.Bot.ConfigureServices = services => SlowQueries.Install(services, entered, release.Task);
        var interaction = Interactions.Command("latest", DiscordBot.MemberPermissions);
        var token = interaction["token"]!.GetValue<string>();

        // Act
        var posting = discord.PostAsync(interaction);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        discord.Bot.Time.Advance(TimeSpan.FromSeconds(2));
        var (status, body) = await posting.WaitAsync(TimeSpan.FromSeconds(20));
        release.SetResult();
        await discord.Fake.WhenAsync(fake => fake.OriginalResponse(token) is not null).WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, body!.Value.GetProperty("type").GetInt32());
        Assert.Contains("No verified events yet.", Text(discord.Fake.OriginalResponse(token)!.Embeds), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_subcommand_answers_through_the_endpoint_on_the_sample()
    {
        // Arrange: the sample scenario, alerted to the console at start; this channel subscribed first.
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath, withSample: true);
        discord.Bot.StartServer();
        await discord.Bot.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(20));
        (string Subcommand, (string, JsonNode)[] Options, string Expected)[] session =
        [
            ("subscribe", [("kinds", "trade"), ("regions", "CN-MM")], "Subscribed this channel"),
            ("help", [("topic", "search")], "/border search"),
            ("latest", [("kind", "trade"), ("limit", 2)], "evt_"),
            ("summary", [("period", "30d"), ("region", "CN-MM")], "the period before"),
            ("event", [("id", "evt_laukkai_surrender_2024")], "Laukkai"),
            ("search", [("text", "Laukkai")], "evt_laukkai_surrender_2024"),
            ("crossings", [("region", "CN-MM")], "Chinshwehaw"),
            ("why", [("id", "evt_laukkai_surrender_2024")], "kind: BorderClash is not one of TradeDisruption"),
            ("subscriptions", [], "sub_"),
            ("digest", [("time", "07:30"), ("timezone", "Asia/Yangon"), ("quiet", "nothing")], "07:30"),
            ("mute", [("duration", "2h")], "2h"),
            ("unmute", [], "unmute"),
            ("unsubscribe", [("id", "all")], "nsubscribed"),
        ];
        var seen = new List<string>();

        foreach (var (subcommand, options, expected) in session)
        {
            // Act
            var interaction = Interactions.Command(subcommand, DiscordBot.AdminPermissions, options);
            var (status, body) = await discord.PostAsync(interaction);

            // Assert: answered at once (4) or deferred (5) and completed; never a problem.
            Assert.Equal(HttpStatusCode.OK, status);
            var type = body!.Value.GetProperty("type").GetInt32();
            string text;
            if (type == 5)
            {
                var token = interaction["token"]!.GetValue<string>();
                await discord.Fake.WhenAsync(fake => fake.OriginalResponse(token) is not null).WaitAsync(TimeSpan.FromSeconds(20));
                text = Text(discord.Fake.OriginalResponse(token)!.Embeds);
            }
            else
            {
                Assert.Equal(4, type);
                text = Text(body.Value.GetProperty("data"));
            }

            seen.Add(subcommand);
            Assert.DoesNotContain("That did not work", text, StringComparison.Ordinal);
            Assert.True(text.Contains(expected, StringComparison.OrdinalIgnoreCase), $"/border {subcommand}: expected '{expected}' in:\n{text}");
        }

        Assert.Equal(BorderAlertBot.Commands.CommandSyntax.Subcommands.Select(syntax => syntax.Name).Order(), seen.Order());
    }

    [Theory]
    [InlineData("latest", "region", "mus", "muse")]
    [InlineData("latest", "kind", "cl", "clash")]
    [InlineData("digest", "timezone", "yang", "Asia/Yangon")]
    [InlineData("subscribe", "regions", "CN-MM,lai", "CN-MM,laiza")]
    public async Task Autocomplete_suggests_what_is_being_typed(string subcommand, string option, string typed, string expected)
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);

        var (_, body) = await discord.PostAsync(Interactions.Autocomplete(subcommand, option, typed));

        Assert.Equal(8, body!.Value.GetProperty("type").GetInt32());
        var choices = body.Value.GetProperty("data").GetProperty("choices").EnumerateArray().Select(choice => choice.GetProperty("value").GetString()).ToList();
        Assert.Contains(expected, choices);
        Assert.True(choices.Count <= 25);
    }

    [Fact]
    public async Task Autocomplete_finds_event_ids_by_their_words()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath, withSample: true);
        discord.Bot.StartServer();
        await discord.Bot.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(20));

        var (_, body) = await discord.PostAsync(Interactions.Autocomplete("event", "id", "Laukkai"));

        var choices = body!.Value.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.Contains(choices, choice => choice.GetProperty("value").GetString() == "evt_laukkai_surrender_2024");
        Assert.All(choices, choice => Assert.InRange(choice.GetProperty("name").GetString()!.Length, 1, 100));
    }

    [Fact]
    public async Task The_mute_button_mutes_the_channel_for_a_member_who_manages_it_and_refuses_anyone_else()
    {
        // Arrange
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        await discord.PostAsync(Interactions.Command("subscribe", DiscordBot.AdminPermissions, ("kinds", "clash")));

        // Act
        var (_, refused) = await discord.PostAsync(Interactions.Button("mute:8h", DiscordBot.MemberPermissions));
        var (_, muted) = await discord.PostAsync(Interactions.Button("mute:8h", DiscordBot.AdminPermissions));

        // Assert
        Assert.Equal(64, refused!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("Manage Channels", Text(refused.Value.GetProperty("data")), StringComparison.Ordinal);
        Assert.Equal(64, muted!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("Muted for 8h", Text(muted.Value.GetProperty("data")), StringComparison.Ordinal);
        var subscription = Assert.Single(await discord.Bot.Services.GetRequiredService<ISubscriptionStore>().ListForTargetAsync(Channel, CancellationToken.None));
        Assert.Equal(discord.Bot.Time.GetUtcNow().AddHours(8), subscription.MutedUntil);
    }

    /// <summary>
    /// Every piece of text of a message's embeds (or of a JSON array of embeds) as Discord shows it: a backslash before
    /// punctuation is not shown, nor is a zero-width space.
    /// </summary>
    internal static string Text(JsonElement messageOrEmbeds)
    {
        var embeds = messageOrEmbeds.ValueKind == JsonValueKind.Array ? messageOrEmbeds : messageOrEmbeds.GetProperty("embeds");
        var raw = string.Join('\n', embeds.EnumerateArray().SelectMany(embed => new[]
        {
            embed.TryGetProperty("title", out var title) ? title.GetString() : null,
            embed.TryGetProperty("description", out var description) ? description.GetString() : null,
            embed.TryGetProperty("footer", out var footer) ? footer.GetProperty("text").GetString() : null,
        }.Concat(embed.TryGetProperty("fields", out var fields)
            ? fields.EnumerateArray().SelectMany(field => new[] { field.GetProperty("name").GetString(), field.GetProperty("value").GetString() })
            : [])));
        return Regex.Replace(raw, @"\\(\p{P}|\p{S})", "$1").Replace("\u200B", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>An event query stand-in whose latest-events read waits for the test.</summary>
    private sealed class SlowQueries(IEventQueries inner, TaskCompletionSource entered, Task release) : IEventQueries
    {
        public static void Install(IServiceCollection services, TaskCompletionSource entered, Task release)
        {
            var original = services.Last(descriptor => descriptor.ServiceType == typeof(IEventQueries));
            services.Add(ServiceDescriptor.Singleton<IEventQueries>(provider =>
                new SlowQueries((IEventQueries)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), entered, release)));
        }

        public async Task<IReadOnlyList<Domain.ConflictEvent>> LatestAsync(Storage.EventFilter filter, int limit, CancellationToken cancellationToken)
        {
            entered.TrySetResult();
            await release.WaitAsync(cancellationToken);
            return await inner.LatestAsync(filter, limit, cancellationToken);
        }

        public IAsyncEnumerable<Domain.ConflictEvent> StreamAsync(Storage.EventFilter filter, CancellationToken cancellationToken) => inner.StreamAsync(filter, cancellationToken);

        public Task<IReadOnlyList<Domain.ConflictEvent>> TopBySeverityAsync(Storage.EventFilter filter, int limit, CancellationToken cancellationToken) =>
            inner.TopBySeverityAsync(filter, limit, cancellationToken);

        public Task<IReadOnlyList<Storage.DailyCount>> CountByKindAndDayAsync(Storage.EventFilter filter, CancellationToken cancellationToken) =>
            inner.CountByKindAndDayAsync(filter, cancellationToken);

        public Task<IReadOnlyList<Domain.ConflictEvent>> SearchAsync(string text, Storage.EventFilter filter, int limit, CancellationToken cancellationToken) =>
            inner.SearchAsync(text, filter, limit, cancellationToken);

        public Task<long> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
    }
}
