namespace BorderAlertBot.Geography;

/// <summary>The files of <c>Geography/Data</c>, embedded as <c>BorderAlertBot.Geography.&lt;file&gt;</c> (see the csproj).</summary>
internal static class EmbeddedData
{
    private const string Prefix = "BorderAlertBot.Geography.";

    /// <summary>The embedded files whose names start with <paramref name="prefix"/> and end with <paramref name="extension"/>, in name order.</summary>
    public static IReadOnlyList<string> Names(string prefix, string extension) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix + prefix, StringComparison.Ordinal) && name.EndsWith(extension, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static byte[] Read(string name)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new BorderAlertBotException($"The geography data file {name} is not embedded in BorderAlertBot.Core.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
