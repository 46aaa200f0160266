namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>The parts of one export row the bot uses, read and checked (codes kept as text).</summary>
internal sealed record GdeltRow(
    int Line,
    long GlobalEventId,
    DateOnly Day,
    GdeltActor? Actor1,
    GdeltActor? Actor2,
    string EventCode,
    double Goldstein,
    int NumMentions,
    int NumSources,
    int NumArticles,
    double AvgTone,
    GdeltGeo ActionGeo,
    DateTimeOffset DateAdded,
    Uri SourceUrl);

/// <summary>A row's actor: its CAMEO code (MMRMIL), GDELT's name for it (MYANMAR), its CAMEO country and first type (MIL).</summary>
internal sealed record GdeltActor(string Code, string Name, string CountryCode, string TypeCode);

/// <summary>
/// Where GDELT placed the action. <paramref name="Type"/> 1 = country, 2 = US state, 3 = US city, 4 = world city or
/// landmark, 5 = world ADM1; types 1, 2 and 5 carry the centroid of the country or state, never the place itself.
/// </summary>
internal sealed record GdeltGeo(int Type, string FullName, string CountryCode, string Adm1Code, double? Latitude, double? Longitude, string FeatureId);
