namespace BorderAlertBot.Domain;

public enum LocationPrecision
{
    /// <summary>The place itself.</summary>
    Exact,

    /// <summary>Nearby, or part of the place.</summary>
    Near,

    /// <summary>Only the township (admin3) is known.</summary>
    Township,

    /// <summary>Only the state or region (admin1) is known.</summary>
    Region,

    /// <summary>Only the country is known; never a border location.</summary>
    Country,
}
