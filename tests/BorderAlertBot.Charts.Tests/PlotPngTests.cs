using ScottPlot;
using SkiaSharp;

namespace BorderAlertBot.Charts.Tests;

public sealed class PlotPngTests
{
    [Fact]
    public void A_plot_with_fixed_axis_limits_is_drawn_onto_the_canvas_once()
    {
        // Arrange
        using var plot = new Plot();
        plot.Add.Bars([1.0, 2.0, 3.0]);
        plot.Axes.SetLimits(-1, 3, 0, 4);
        var counter = new CanvasCounter();
        plot.RenderManager.RenderActions.Add(counter);
        using var surface = SKSurface.Create(new SKImageInfo(200, 100));

        // Act
        PlotPng.RenderOnce(plot, surface.Canvas, 200, 100);

        // Assert
        // Without the empty first render ScottPlot draws a new plot twice, the second time because the first had nothing to compare with.
        Assert.Equal(1, counter.Renders(surface.Canvas));
        Assert.Equal(1, counter.Total);
        Assert.Contains(counter, plot.RenderManager.RenderActions);
    }

    [Fact]
    public void The_png_decodes_to_the_size_asked_for_with_no_alpha_channel()
    {
        // Arrange
        using var plot = new Plot();
        plot.Add.Bars([1.0, 2.0, 3.0]);

        // Act
        var png = PlotPng.Render(plot, 320, 240);

        // Assert
        using var codec = SKCodec.Create(new SKMemoryStream(png));
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        Assert.Equal((320, 240), (codec.Info.Width, codec.Info.Height));
        Assert.Equal(SKAlphaType.Opaque, codec.Info.AlphaType);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((320, 240), (bitmap.Width, bitmap.Height));
    }

    private sealed class CanvasCounter : IRenderAction
    {
        private readonly List<SKCanvas> _canvases = [];

        public int Total => _canvases.Count;

        public int Renders(SKCanvas canvas) => _canvases.Count(seen => ReferenceEquals(seen, canvas));

        public void Render(RenderPack rp) => _canvases.Add(rp.Canvas);
    }
}
