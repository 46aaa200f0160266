using System.Buffers.Binary;

namespace BorderAlertBot.Charts.Tests;

/// <summary>The PNG signature and the size from the IHDR chunk, which always comes first (PNG spec §5.2, §11.2.2).</summary>
internal sealed record PngHeader(int Width, int Height)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngHeader Read(byte[] png)
    {
        Assert.True(png.Length > 24, "Too short to be a PNG.");
        Assert.Equal(Signature, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return new PngHeader(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
