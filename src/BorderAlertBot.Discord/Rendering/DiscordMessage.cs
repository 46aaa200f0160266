using BorderAlertBot.Discord.Wire;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>One message to post: its body and the files that go with it (the chart PNG).</summary>
public sealed record DiscordMessage(MessagePayload Payload, IReadOnlyList<DiscordFile> Files);
