namespace BorderAlertBot.Discord.Wire;

/// <summary>
/// A message body for create, edit, webhook execute and interaction responses (platforms/discord.md §3). Mentions are
/// always explicit: <see cref="AllowedMentions"/> is never left out, because a bot message parses every mention by default.
/// </summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public required AllowedMentions AllowedMentions { get; init; }

    public IReadOnlyList<ActionRow>? Components { get; init; }

    /// <summary>The files of a multipart body, by <c>files[n]</c> index, with their alt text.</summary>
    public IReadOnlyList<AttachmentInfo>? Attachments { get; init; }

    /// <summary>At most 25 characters; with <see cref="EnforceNonce"/>, a repeat within minutes returns the first message.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    /// <summary>64 makes an interaction response visible to its caller only.</summary>
    public int? Flags { get; init; }

    public MessageReference? MessageReference { get; init; }
}

/// <summary><c>parse: []</c> and whoever is named: nobody else can be pinged, whatever the text says.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string>? Roles = null, IReadOnlyList<string>? Users = null)
{
    public static AllowedMentions None { get; } = new([]);
}

public sealed record AttachmentInfo(int Id, string Filename, string? Description);

public sealed record MessageReference(string MessageId, bool FailIfNotExists = false);
