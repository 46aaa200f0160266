using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BorderAlertBot.Testing.Fixtures;

namespace BorderAlertBot.Ingestion.Tests.Gdelt;

/// <summary>
/// A GDELT 2.0 file folder as the fixture server serves it: <c>lastupdate.txt</c> naming the current export (with its
/// real size and MD5) and the export zips the test built, under <c>/gdeltv2/</c>.
/// </summary>
internal sealed class GdeltExportFixture
{
    private readonly Dictionary<string, byte[]> _exports = new(StringComparer.Ordinal);

    public string? Current { get; private set; }

    /// <summary>When set, lastupdate.txt gives this MD5 instead of the real one.</summary>
    public string? FakeMd5 { get; set; }

    /// <summary>Publishes an export of <paramref name="lines"/> as <c>&lt;stamp&gt;.export.CSV.zip</c> and makes it the latest.</summary>
    public string Publish(string stamp, params string[] lines)
    {
        var name = $"{stamp}.export.CSV.zip";
        _exports[name] = Zip($"{stamp}.export.CSV", string.Join('\n', lines) + "\n");
        Current = name;
        return name;
    }

    /// <summary>Publishes raw bytes (not necessarily a zip) as the latest export.</summary>
    public string PublishBytes(string stamp, byte[] bytes)
    {
        var name = $"{stamp}.export.CSV.zip";
        _exports[name] = bytes;
        Current = name;
        return name;
    }

    public FixtureResponse Handle(FixtureRequest request)
    {
        if (request.Path == "/gdeltv2/lastupdate.txt" && Current is { } current)
        {
            var zip = _exports[current];
            var md5 = FakeMd5 ?? Md5(zip);
            var stamp = current[..14];
            return FixtureResponse.Text(
                $"{zip.Length} {md5} http://data.gdeltproject.org/gdeltv2/{current}\n"
                + $"1200 0123456789abcdef0123456789abcdef http://data.gdeltproject.org/gdeltv2/{stamp}.mentions.CSV.zip\n"
                + $"3400 fedcba9876543210fedcba9876543210 http://data.gdeltproject.org/gdeltv2/{stamp}.gkg.csv.zip\n");
        }

        return request.Path.StartsWith("/gdeltv2/", StringComparison.Ordinal) && _exports.TryGetValue(request.Path["/gdeltv2/".Length..], out var bytes)
            ? FixtureResponse.Bytes(bytes, "application/zip")
            : FixtureResponse.Empty(404);
    }

    public static byte[] Zip(string entryName, string content)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(entryName).Open();
            entry.Write(Encoding.UTF8.GetBytes(content));
        }

        return buffer.ToArray();
    }

#pragma warning disable CA5351 // GDELT's checksum is MD5.
    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351
}
