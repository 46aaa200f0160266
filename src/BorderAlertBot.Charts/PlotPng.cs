using ScottPlot;
using SkiaSharp;

namespace BorderAlertBot.Charts;

/// <summary>
/// A plot to PNG bytes in a fraction of the time <c>Plot.GetImageBytes</c> takes, in two ways:
/// <list type="bullet">
/// <item>PNG compression: Skia's default tries every row filter at zlib level 6, 9–13 ms a chart. The "up" filter at
/// level 1 takes 1.5–2 ms; it suits these charts (flat areas, mostly vertical edges) nearly as well as the best filter.
/// The surface is opaque, so the PNG stores RGB rather than RGBA, which wins back what level 1 loses: a week's chart is
/// 25 KB as before, a busy quarter's 37 KB instead of 42 KB.</item>
/// <item>One render instead of two: ScottPlot redraws a plot until its axis limits stop changing, and a plot's first
/// render has no earlier one to compare with, so it always counts as a change. A first render with no render actions,
/// onto a canvas that draws nothing, gives it that earlier render; the axis limits are fixed before rendering, so the
/// real one then matches it and is not repeated.</item>
/// </list>
/// Stateless; every call has its own surface.
/// </summary>
internal static class PlotPng
{
    private static readonly SKPngEncoderOptions Compression = new(SKPngEncoderFilterFlags.Up, zLibLevel: 1);

    // Each thread draws into its own pixel buffer, kept for the next chart: a fresh 1.3 MB surface per chart costs the
    // kernel a mapping and zeroed pages every time (a fifth of a digest run's CPU), and a snapshot would copy it again.
    [ThreadStatic]
    private static PixelBuffer? _buffer;

    public static byte[] Render(Plot plot, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var buffer = _buffer is { } kept && kept.Fits(info) ? kept : _buffer = new PixelBuffer(info);
        using var surface = SKSurface.Create(info, buffer.Pixels, info.RowBytes)
            ?? throw new InvalidOperationException($"Skia could not create a {width}×{height} raster surface.");
        RenderOnce(plot, surface.Canvas, width, height);
        surface.Canvas.Flush();
        using var pixels = new SKPixmap(info, buffer.Pixels, info.RowBytes);
        using var png = pixels.Encode(Compression)
            ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return png.ToArray();
    }

    /// <summary>Draws <paramref name="plot"/> onto <paramref name="canvas"/> with a single pass of its render actions.</summary>
    internal static void RenderOnce(Plot plot, SKCanvas canvas, int width, int height)
    {
        var actions = plot.RenderManager.RenderActions;
        IRenderAction[] all = [.. actions];
        actions.Clear();
        try
        {
            using var nowhere = new SKNoDrawCanvas(width, height);
            plot.Render(nowhere, width, height);
        }
        finally
        {
            actions.AddRange(all);
        }

        plot.Render(canvas, width, height);
    }

    /// <summary>Native memory for one thread's charts, freed when the thread ends and its buffer is collected.</summary>
    private sealed class PixelBuffer(SKImageInfo info)
    {
        private readonly int _size = info.BytesSize;

        ~PixelBuffer() => System.Runtime.InteropServices.Marshal.FreeHGlobal(Pixels);

        public IntPtr Pixels { get; } = System.Runtime.InteropServices.Marshal.AllocHGlobal(info.BytesSize);

        public bool Fits(SKImageInfo other) => other.BytesSize <= _size;
    }
}
