namespace BorderAlertBot.Domain;

public static class ActorNames
{
    /// <summary>
    /// The short form of an actor name when the source gives none: ACLED's "MNTJP/MNDAA: Myanmar National …" becomes "MNDAA"
    /// (the armed wing follows the slash); "Military Forces of Myanmar (2021-)" stays as it is.
    /// </summary>
    public static string ShortFormOf(string name)
    {
        var trimmed = name.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return trimmed;
        }

        var acronyms = trimmed[..colon];
        var slash = acronyms.LastIndexOf('/');
        return slash >= 0 ? acronyms[(slash + 1)..].Trim() : acronyms.Trim();
    }
}
