namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// What a message write may contain: the flags its endpoint allows (§1.3, §3), the file names an <c>attachment://</c> may
/// name, the attachment ids an <c>attachments</c> entry may name, the flags already on the message (for an edit), and
/// how to look up a replied-to message (channel messages only).
/// </summary>
internal sealed record MessageRules(
    string ChannelId,
    int AllowedFlags,
    int ExistingFlags,
    IReadOnlySet<string> FileNames,
    IReadOnlySet<string> AttachmentIds,
    Func<string, string, bool>? ReferenceExists)
{
    public const int SuppressEmbeds = 1 << 2;
    public const int Ephemeral = 1 << 6;
    public const int SuppressNotifications = 1 << 12;
    public const int VoiceMessage = 1 << 13;
    public const int ComponentsV2 = 1 << 15;

    /// <summary>Create message (§3): no ephemeral.</summary>
    public const int ChannelFlags = SuppressEmbeds | SuppressNotifications | VoiceMessage | ComponentsV2;

    /// <summary>Execute webhook (§3).</summary>
    public const int WebhookFlags = SuppressEmbeds | SuppressNotifications | ComponentsV2;

    /// <summary>Interaction responses and follow-ups (§1.3): ephemeral allowed.</summary>
    public const int InteractionFlags = SuppressEmbeds | Ephemeral | SuppressNotifications | VoiceMessage | ComponentsV2;
}
