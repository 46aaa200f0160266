using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Tests.Delivery;

public sealed class AlertHoldTests
{
    [Fact]
    public async Task Alerts_for_a_muted_subscription_wait_until_the_mute_ends_and_then_go_out_as_one_message()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var muteEnds = DeliveryPipeline.Start.AddHours(2);
        var subscription = await pipeline.SubscribeAsync(builder => builder.MutedUntil(muteEnds));
        var first = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        pipeline.Advance(TimeSpan.FromMinutes(30));
        var second = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        // Act
        pipeline.AdvanceTo(muteEnds - TimeSpan.FromMilliseconds(1));
        await pipeline.RunAsync();
        var callsWhileMuted = pipeline.Sender.RawCalls.Count;
        pipeline.AdvanceTo(muteEnds);
        await pipeline.RunAsync();

        // Assert
        Assert.Equal(0, callsWhileMuted);
        var message = Assert.Single(pipeline.Sender.Deliveries);
        Assert.Equal([first.Id, second.Id], message.Message.Entries.Select(entry => entry.Event.Id));
        Assert.Contains(await pipeline.LogAsync(subscription, first), logged =>
            logged.Decision == DeliveryDecision.Held && logged.Detail.StartsWith("muted until 2024-03-01 11:00 UTC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_event_at_the_break_through_severity_goes_out_at_once_while_the_subscription_is_muted()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.MutedUntil(DeliveryPipeline.Start.AddHours(2)));
        var strike = new EventBuilder().WithSubtype(EventSubtype.AirStrike).WithFigure(FigureKind.Fatalities, 29, "Free Burma Rangers").Build();
        var clash = new EventBuilder().Build();

        // Act
        var imported = await pipeline.ImportAsync(strike, clash);
        await pipeline.RunAsync();

        // Assert
        Assert.Equal(Severity.Critical, imported[0].Severity.Effective);
        var message = Assert.Single(pipeline.Sender.Messages);
        Assert.Equal(strike.Id, Assert.Single(message.Message.Entries).Event.Id);
    }

    [Fact]
    public async Task An_alert_created_at_23_00_in_Yangon_is_held_by_quiet_hours_until_07_00_Yangon_time()
    {
        // Arrange: 16:30 UTC is 23:00 in Yangon (UTC+06:30); 07:00 there the next day is 00:30 UTC.
        using var pipeline = await DeliveryPipeline.StartAsync(new DateTimeOffset(2024, 3, 1, 16, 30, 0, TimeSpan.Zero));
        await pipeline.SubscribeAsync(builder => builder.WithQuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), "Asia/Yangon"));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        var quietEnds = new DateTimeOffset(2024, 3, 2, 0, 30, 0, TimeSpan.Zero);

        // Act
        await pipeline.RunAsync();
        pipeline.AdvanceTo(quietEnds - TimeSpan.FromMilliseconds(1));
        await pipeline.RunAsync();
        var callsDuringQuietHours = pipeline.Sender.RawCalls.Count;
        pipeline.AdvanceTo(quietEnds);
        await pipeline.RunAsync();

        // Assert
        Assert.Equal(0, callsDuringQuietHours);
        Assert.Equal(clash.Id, Assert.Single(Assert.Single(pipeline.Sender.Messages).Message.Entries).Event.Id);
    }

    [Theory]
    [InlineData("2024-03-31T00:00:00Z")] // 01:00 CET, the quiet hours begin
    [InlineData("2024-03-31T00:30:00Z")] // 01:30 CET
    [InlineData("2024-03-31T00:59:00Z")] // 01:59 CET; at 02:00 CET the clocks jump to 03:00 CEST
    public async Task Quiet_hours_in_Berlin_on_the_spring_forward_night_end_at_03_00_summer_time(string created)
    {
        // Arrange: 01:00–03:00 Europe/Berlin on 31 March 2024. The night is an hour short: 03:00 CEST is 01:00 UTC,
        // not the 02:00 UTC that the winter offset would give.
        using var pipeline = await DeliveryPipeline.StartAsync(DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture));
        var subscription = await pipeline.SubscribeAsync(builder => builder.WithQuietHours(new TimeOnly(1, 0), new TimeOnly(3, 0), "Europe/Berlin"));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        var quietEnds = new DateTimeOffset(2024, 3, 31, 1, 0, 0, TimeSpan.Zero);

        // Act
        await pipeline.RunAsync();
        pipeline.AdvanceTo(quietEnds - TimeSpan.FromMilliseconds(1));
        await pipeline.RunAsync();
        var callsDuringQuietHours = pipeline.Sender.RawCalls.Count;
        pipeline.AdvanceTo(quietEnds);
        await pipeline.RunAsync();

        // Assert
        Assert.Equal(0, callsDuringQuietHours);
        Assert.Equal(clash.Id, Assert.Single(Assert.Single(pipeline.Sender.Messages).Message.Entries).Event.Id);
        Assert.Contains(await pipeline.LogAsync(subscription, clash), logged =>
            logged.Decision == DeliveryDecision.Held && logged.Detail.StartsWith("quiet hours until 2024-03-31 01:00 UTC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_alert_before_the_quiet_hours_of_the_spring_forward_night_goes_out_at_once()
    {
        // Arrange: 23:59 UTC on 30 March is 00:59 CET, a minute before the quiet hours.
        using var pipeline = await DeliveryPipeline.StartAsync(new DateTimeOffset(2024, 3, 30, 23, 59, 0, TimeSpan.Zero));
        await pipeline.SubscribeAsync(builder => builder.WithQuietHours(new TimeOnly(1, 0), new TimeOnly(3, 0), "Europe/Berlin"));
        await pipeline.ImportAsync(new EventBuilder().Build());

        // Act
        await pipeline.RunAsync();

        // Assert
        Assert.Single(pipeline.Sender.Messages);
    }
}
