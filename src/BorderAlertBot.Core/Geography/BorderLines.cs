namespace BorderAlertBot.Geography;

/// <summary>The border lines embedded in this assembly: every <c>Geography/Data/border-*.geojson</c>, so a new border is a new data file.</summary>
public static class BorderLines
{
    private static readonly Lazy<IReadOnlyList<BorderLine>> BundledLines = new(() =>
        EmbeddedData.Names("border-", ".geojson").Select(name => BorderLine.ParseGeoJson(EmbeddedData.Read(name))).ToList());

    public static IReadOnlyList<BorderLine> Bundled => BundledLines.Value;
}
