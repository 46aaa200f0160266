namespace BorderAlertBot.Commands;

/// <summary>
/// Why a command could not be read, for a short private reply: <paramref name="Message"/> names the option and what is
/// valid (<c>limit: 40 is too many; 1 to 25</c>).
/// </summary>
/// <param name="Option">The option at fault (<c>limit</c>, <c>region</c>), <c>subcommand</c>, or <c>input</c> for the text as a whole.</param>
/// <param name="Suggestion">A close, valid value to offer (<c>CN-MM</c>, <c>clash</c>, <c>latest</c>), or null.</param>
public sealed record CommandError(string Option, string Message, string? Suggestion = null);
