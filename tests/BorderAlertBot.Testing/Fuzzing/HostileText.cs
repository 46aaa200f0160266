using FsCheck;
using FsCheck.Fluent;

namespace BorderAlertBot.Testing.Fuzzing;

/// <summary>Generators of hostile text for the parsers' property tests: pieces that matter to a format, mixed with anything.</summary>
public static class HostileText
{
    /// <summary>Characters that break naive code: controls, lone surrogates, bidi overrides, combining marks, wide characters.</summary>
    public static Gen<char> Char { get; } = Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E).Select(c => (char)c)),
        (2, Gen.Choose(0xA0, 0xD7FF).Select(c => (char)c)),
        (1, Gen.Choose(0, 0xFFFF).Select(c => (char)c)),
        (1, Gen.Elements('\0', '\n', '\r', '\t', '\u001b', '\u202e', '\u2067', '\u200b', '\u0301', '\ud800', '\udc00', '\ufeff', '\uffff')));

    /// <summary>Random characters, now and then a long run.</summary>
    public static Gen<string> Noise { get; } = Gen.Frequency(
        (9, Gen.ArrayOf(Char).Select(chars => new string(chars))),
        (1, Gen.Choose(1, 5_000).SelectMany(length => Char.Select(c => new string(c, length)))));

    /// <summary>Pieces of a format (<paramref name="pieces"/>), noise, or a piece with noise glued on, joined by <paramref name="separators"/>.</summary>
    public static Gen<string> Of(IReadOnlyList<string> pieces, params string[] separators) =>
        Gen.ListOf(Gen.Frequency(
                (5, Gen.Elements(pieces.ToArray())),
                (2, Noise),
                (2, Gen.Elements(pieces.ToArray()).SelectMany(piece => Noise.Select(noise => piece + noise)))))
            .SelectMany(parts => Gen.ListOf(Gen.Elements(separators.Length == 0 ? [" "] : separators), parts.Count)
                .Select(gaps => string.Concat(parts.Select((part, i) => part + gaps[i]))));
}
