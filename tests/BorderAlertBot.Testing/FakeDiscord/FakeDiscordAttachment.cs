namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>An attachment of a stored message: the uploaded bytes under the filename Discord would show (§3).</summary>
public sealed record FakeDiscordAttachment(string Id, string FileName, string? ContentType, string? Description, ReadOnlyMemory<byte> Content)
{
    /// <summary>The size in bytes, as Discord reports it.</summary>
    public int Size => Content.Length;
}
