using System.Globalization;
using BorderAlertBot.Curation;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>Reads the columns of one export row into a <see cref="GdeltRow"/>, or every problem that stops it.</summary>
internal static class GdeltRowParser
{
    public static (GdeltRow? Row, IReadOnlyList<ImportError> Errors) Parse(string[] fields, int index, int line)
    {
        var errors = new List<ImportError>();
        void Fail(string column, string message) => errors.Add(new ImportError(index, line, column, message));

        var id = Long(fields[GdeltColumns.GlobalEventId]);
        if (id is not > 0)
        {
            Fail("GLOBALEVENTID", $"'{Shorten(fields[GdeltColumns.GlobalEventId])}' is not a positive whole number");
        }

        var dayParsed = DateOnly.TryParseExact(fields[GdeltColumns.SqlDate], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        if (!dayParsed)
        {
            Fail("SQLDATE", $"'{Shorten(fields[GdeltColumns.SqlDate])}' is not a date (YYYYMMDD)");
        }

        var code = fields[GdeltColumns.EventCode];
        if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
        {
            Fail("EventCode", $"'{Shorten(code)}' is not a CAMEO code (2 to 4 digits)");
        }

        var mentions = Count(fields, GdeltColumns.NumMentions, "NumMentions", Fail);
        var sources = Count(fields, GdeltColumns.NumSources, "NumSources", Fail);
        var articles = Count(fields, GdeltColumns.NumArticles, "NumArticles", Fail);
        var goldstein = Number(fields, GdeltColumns.GoldsteinScale, "GoldsteinScale", -10, 10, Fail) ?? 0;
        var tone = Number(fields, GdeltColumns.AvgTone, "AvgTone", -100, 100, Fail) ?? 0;
        var geo = ReadGeo(fields, Fail);
        var addedParsed = DateTime.TryParseExact(fields[GdeltColumns.DateAdded], "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var added);
        if (!addedParsed)
        {
            Fail("DATEADDED", $"'{Shorten(fields[GdeltColumns.DateAdded])}' is not a time (YYYYMMDDHHMMSS, UTC)");
        }

        var url = fields[GdeltColumns.SourceUrl];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var sourceUrl) || (sourceUrl.Scheme != Uri.UriSchemeHttp && sourceUrl.Scheme != Uri.UriSchemeHttps))
        {
            Fail("SOURCEURL", $"'{Shorten(url)}' is not an http(s) link to the article");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var row = new GdeltRow(
            line, id!.Value, day,
            Actor(fields, GdeltColumns.Actor1Code, GdeltColumns.Actor1Name, GdeltColumns.Actor1CountryCode, GdeltColumns.Actor1Type1Code),
            Actor(fields, GdeltColumns.Actor2Code, GdeltColumns.Actor2Name, GdeltColumns.Actor2CountryCode, GdeltColumns.Actor2Type1Code),
            code, goldstein, mentions, sources, articles, tone, geo, new DateTimeOffset(added, TimeSpan.Zero), sourceUrl!);
        return (row, []);
    }

    private static GdeltGeo ReadGeo(string[] fields, Action<string, string> fail)
    {
        var typeText = fields[GdeltColumns.ActionGeoType];
        var type = typeText.Length == 0 ? 0 : (int?)Long(typeText) ?? -1;
        if (type is < 0 or > 5)
        {
            fail("ActionGeo_Type", $"'{Shorten(typeText)}' is not a geography type (0 to 5)");
        }

        var lat = Number(fields, GdeltColumns.ActionGeoLat, "ActionGeo_Lat", -90, 90, fail);
        var lon = Number(fields, GdeltColumns.ActionGeoLong, "ActionGeo_Long", -180, 180, fail);
        return new GdeltGeo(type, fields[GdeltColumns.ActionGeoFullName].Trim(), fields[GdeltColumns.ActionGeoCountryCode].Trim(),
            fields[GdeltColumns.ActionGeoAdm1Code].Trim(), lat, lon, fields[GdeltColumns.ActionGeoFeatureId].Trim());
    }

    private static GdeltActor? Actor(string[] fields, int code, int name, int country, int type) =>
        fields[code].Length == 0 && fields[name].Length == 0
            ? null
            : new GdeltActor(fields[code].Trim(), fields[name].Trim(), fields[country].Trim(), fields[type].Trim());

    private static int Count(string[] fields, int column, string name, Action<string, string> fail)
    {
        var value = Long(fields[column]);
        if (value is not (>= 0 and <= int.MaxValue))
        {
            fail(name, $"'{Shorten(fields[column])}' is not a count");
            return 0;
        }

        return (int)value.Value;
    }

    /// <summary>A number within its range; empty is null (GDELT leaves coordinates empty when it has none).</summary>
    private static double? Number(string[] fields, int column, string name, double min, double max, Action<string, string> fail)
    {
        var text = fields[column];
        if (text.Length == 0)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
        {
            fail(name, $"'{Shorten(text)}' is not a number from {min} to {max}");
            return null;
        }

        return value;
    }

    private static long? Long(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
