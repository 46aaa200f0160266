namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>The 0-based tab positions of the GDELT 2.0 event export that the bot reads (data-sources.md §2.2).</summary>
internal static class GdeltColumns
{
    public const int Count = 61;

    public const int GlobalEventId = 0;
    public const int SqlDate = 1;
    public const int Actor1Code = 5;
    public const int Actor1Name = 6;
    public const int Actor1CountryCode = 7;
    public const int Actor1Type1Code = 12;
    public const int Actor2Code = 15;
    public const int Actor2Name = 16;
    public const int Actor2CountryCode = 17;
    public const int Actor2Type1Code = 22;
    public const int EventCode = 26;
    public const int GoldsteinScale = 30;
    public const int NumMentions = 31;
    public const int NumSources = 32;
    public const int NumArticles = 33;
    public const int AvgTone = 34;
    public const int Actor1GeoCountryCode = 37;
    public const int Actor2GeoCountryCode = 45;
    public const int ActionGeoType = 51;
    public const int ActionGeoFullName = 52;
    public const int ActionGeoCountryCode = 53;
    public const int ActionGeoAdm1Code = 54;
    public const int ActionGeoLat = 56;
    public const int ActionGeoLong = 57;
    public const int ActionGeoFeatureId = 58;
    public const int DateAdded = 59;
    public const int SourceUrl = 60;
}
