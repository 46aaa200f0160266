using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Files;

namespace BorderAlertBot.Core.Tests.Alerting;

public sealed class ConsoleAlertSenderTests
{
    private static readonly Answer Digest = new("Daily digest · Fri 27 Oct 2023", [new AnswerBlock.Paragraph("3 events from Thu 26 Oct 07:30 to Fri 27 Oct 07:30 (Asia/Yangon).")],
        new ChartImage("events-per-day-2023-09-30-to-2023-10-27.png", [0x89, 0x50, 0x4E, 0x47], 800, 400, "Stacked bar chart of 4 events."));

    [Fact]
    public async Task A_digest_is_printed_once_per_key_and_its_chart_is_written_to_the_chart_folder()
    {
        // Arrange
        using var folder = new TempDirectory();
        using var output = new StringWriter();
        using var sender = new ConsoleAlertSender(output, folder.Path);

        // Act
        var first = await sender.SendDigestAsync(DeliveryTarget.Console(), Digest, "sub_k2m4n6p8qr/digest/20231027T0100Z", CancellationToken.None);
        var repeat = await sender.SendDigestAsync(DeliveryTarget.Console(), Digest, "sub_k2m4n6p8qr/digest/20231027T0100Z", CancellationToken.None);

        // Assert
        Assert.Equal(first, repeat);
        var text = output.ToString();
        Assert.Single(text.Split('\n'), line => line.StartsWith("── digest console-1 to console:default ──", StringComparison.Ordinal));
        Assert.Contains("Daily digest · Fri 27 Oct 2023", text, StringComparison.Ordinal);
        Assert.Contains("[chart: events-per-day-2023-09-30-to-2023-10-27.png] Stacked bar chart of 4 events.", text, StringComparison.Ordinal);
        Assert.Equal(Digest.Image!.Png, await File.ReadAllBytesAsync(System.IO.Path.Combine(folder.Path, Digest.Image.FileName)));
    }

    [Fact]
    public async Task Without_a_chart_folder_only_the_charts_alt_text_is_printed()
    {
        using var output = new StringWriter();
        using var sender = new ConsoleAlertSender(output);

        await sender.SendDigestAsync(DeliveryTarget.Console(), Digest, "key", CancellationToken.None);

        Assert.Contains("[chart: events-per-day-2023-09-30-to-2023-10-27.png]", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("chart written to", output.ToString(), StringComparison.Ordinal);
    }
}
