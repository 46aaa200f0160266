using System.Text.Json.Serialization;

namespace BorderAlertBot.Domain;

/// <summary>The severity the rules computed, why, and a curator's override if there is one.</summary>
public sealed record SeverityAssessment(Severity Computed, IReadOnlyList<string> Reasons, SeverityOverride? Override)
{
    [JsonIgnore]
    public Severity Effective => Override?.Severity ?? Computed;

    public string Describe() => Override is null
        ? $"{Computed} ({(int)Computed})"
        : $"{Override.Severity} ({(int)Override.Severity}), set by curator: {Override.Reason}; rules say {Computed} ({(int)Computed})";
}
