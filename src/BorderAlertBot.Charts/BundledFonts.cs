using ScottPlot;
using SkiaSharp;

namespace BorderAlertBot.Charts;

/// <summary>
/// The typeface every chart label uses, shipped inside this assembly (Fonts/README.md). Skia's Linux build here reads no
/// fontconfig, and a clean machine may have no fonts at all, in which case text would silently not be drawn.
/// </summary>
internal static class BundledFonts
{
    private static readonly SKData Regular = Load("DejaVuSans.ttf");
    private static readonly SKData Bold = Load("DejaVuSans-Bold.ttf");

    // ScottPlot keeps one process-wide list of resolvers. Ours goes first, once (type initialisation is thread-safe), and
    // answers only to a name no installed font has, so neither side can shadow the other.
    private static readonly Resolver Registration = Register();

    /// <summary>The font name to give every label; reading it registers the resolver first.</summary>
    public static string FontName => Registration.FontName;

    public static SKTypeface Create(bool bold) => SKTypeface.FromData(bold ? Bold : Regular);

    private static Resolver Register()
    {
        var resolver = new Resolver("BorderAlertBot Sans");
        Fonts.FontResolvers.Insert(0, resolver);
        return resolver;
    }

    private static SKData Load(string fileName)
    {
        var resource = $"BorderAlertBot.Charts.Fonts.{fileName}";
        using var stream = typeof(BundledFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded font {resource} is missing from the build.");
        return SKData.Create(stream);
    }

    private sealed class Resolver(string fontName) : IFontResolver
    {
        public string FontName { get; } = fontName;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            fontName == FontName ? Create(weight >= FontWeight.SemiBold) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == FontName ? Create(bold) : null;
    }
}
