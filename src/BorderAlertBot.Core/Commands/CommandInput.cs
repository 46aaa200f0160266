using System.Globalization;

namespace BorderAlertBot.Commands;

/// <summary>
/// The checks every piece of user text passes before it is read: not too long, no control characters, no broken UTF-16
/// (a lone surrogate would make place-name normalisation throw).
/// </summary>
internal static class CommandInput
{
    public const int MaxLength = 1000;

    public static CommandError? Check(string option, string text)
    {
        if (text.Length > MaxLength)
        {
            return new CommandError(option, string.Create(CultureInfo.InvariantCulture, $"{option}: {text.Length:N0} characters is too long; at most {MaxLength:N0}"));
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return new CommandError(option, string.Create(CultureInfo.InvariantCulture, $"{option}: has a broken character at position {i + 1}; type it again"));
            }
            else if (char.IsControl(c) && !char.IsWhiteSpace(c))
            {
                return new CommandError(option, string.Create(CultureInfo.InvariantCulture, $"{option}: has a control character (U+{(int)c:X4}) at position {i + 1}; remove it"));
            }
        }

        return null;
    }
}
