using Hpnna.Rendering;
using ScottPlot;

namespace Hpnna.Training.Reports;

/// <summary>One line of a chart: its label and points, with an optional band (for example a confidence interval) around it.</summary>
public sealed record Series(string Label, double[] X, double[] Y, double[]? BandLow = null, double[]? BandHigh = null);

/// <summary>Line charts for reports, saved as PNG.</summary>
public static class LineChart
{
    public static void SavePng(string path, string title, string xLabel, string yLabel, IReadOnlyList<Series> series, double? yMin = null, double? yMax = null, int width = 900, int height = 540)
    {
        var plot = new Plot();
        for (var s = 0; s < series.Count; s++)
        {
            var one = series[s];
            var color = PlotPalette.At(s);
            if (one.BandLow is not null && one.BandHigh is not null)
            {
                var band = plot.Add.FillY(one.X, one.BandLow, one.BandHigh);
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }

            var line = plot.Add.ScatterLine(one.X, one.Y);
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = one.Label;
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (yMin is not null && yMax is not null)
        {
            plot.Axes.SetLimitsY(yMin.Value, yMax.Value);
        }

        plot.ShowLegend(Edge.Right); // beside the data, never over it
        plot.SavePng(path, width, height);
    }
}
