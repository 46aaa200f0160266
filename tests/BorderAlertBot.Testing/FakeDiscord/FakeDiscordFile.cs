namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// One file part of a <c>multipart/form-data</c> request: its part <paramref name="Name"/> (<c>files[n]</c>, §3), the
/// <paramref name="FileName"/> it carried, and <paramref name="Index"/> = n when the name has that form.
/// </summary>
public sealed record FakeDiscordFile(string Name, string FileName, string? ContentType, ReadOnlyMemory<byte> Content, int? Index);
