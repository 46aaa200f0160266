namespace BorderAlertBot.Discord.Wire;

/// <summary>A row of at most five buttons (component type 1 holding type 2).</summary>
public sealed record ActionRow(IReadOnlyList<Button> Components, int Type = 1);

/// <summary>A button; <paramref name="Style"/> 1 primary, 2 secondary, 3 success, 4 danger; <paramref name="CustomId"/> 1–100 characters comes back in the interaction.</summary>
public sealed record Button(string Label, string CustomId, int Style = 2, int Type = 2);
