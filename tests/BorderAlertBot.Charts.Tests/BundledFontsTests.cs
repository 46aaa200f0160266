using ScottPlot;

namespace BorderAlertBot.Charts.Tests;

public sealed class BundledFontsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_bundled_typefaces_load_from_the_assembly(bool bold)
    {
        // Arrange
        // Act
        using var typeface = BundledFonts.Create(bold);

        // Assert
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("Border clash 0123456789 – Jan"));
        Assert.Equal(bold, typeface.IsBold);
    }

    [Fact]
    public void ScottPlot_resolves_the_chart_font_name_to_the_bundled_typeface_whatever_fonts_the_machine_has()
    {
        // Arrange
        var name = BundledFonts.FontName;

        // Act
        var typeface = Fonts.GetTypeface(name, bold: false, italic: false);

        // Assert
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(typeface.GlyphCount > 200);
    }
}
