namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// Which export rows are ours, decided on the raw columns before anything is parsed: the action takes place in one of
/// the configured FIPS countries, and the row involves one of the actor countries — an actor from it (CAMEO), an actor
/// located in it (FIPS), or the action itself in it. So China's rows count only when they are about Myanmar.
/// </summary>
internal sealed class GdeltScope(IEnumerable<string> countries, IEnumerable<string> actorCountries)
{
    private readonly HashSet<string> _countries = new(countries, StringComparer.Ordinal);
    private readonly HashSet<string> _actorCountries = new(actorCountries, StringComparer.Ordinal);

    public static GdeltScope From(GdeltOptions options) => new(options.Countries, options.ActorCountries);

    public bool Includes(string[] fields)
    {
        if (!_countries.Contains(fields[GdeltColumns.ActionGeoCountryCode]))
        {
            return false;
        }

        return _actorCountries.Count == 0
            || IsActorCountryFips(fields[GdeltColumns.ActionGeoCountryCode])
            || _actorCountries.Contains(fields[GdeltColumns.Actor1CountryCode])
            || _actorCountries.Contains(fields[GdeltColumns.Actor2CountryCode])
            || IsActorCountryFips(fields[GdeltColumns.Actor1GeoCountryCode])
            || IsActorCountryFips(fields[GdeltColumns.Actor2GeoCountryCode]);
    }

    private bool IsActorCountryFips(string fips) => FipsCountries.TryFind(fips) is { } country && _actorCountries.Contains(country.Cameo);
}
