using ScottPlot;

namespace Hpnna.Rendering;

/// <summary>The line colours of every picture the project draws, so a series keeps its colour across pictures.</summary>
public static class PlotPalette
{
    private static readonly Color[] Colours =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd"),
        Color.FromHex("#ff7f0e"), Color.FromHex("#17becf"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"),
    ];

    /// <summary>The colour of series <paramref name="index"/>, repeating after eight.</summary>
    public static Color At(int index) => Colours[index % Colours.Length];
}
