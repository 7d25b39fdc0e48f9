using System.Globalization;

namespace Hpnna.Cli.Commands;

/// <summary>Options that take comma-separated lists ("Pr,Pl", "2, 3, 4"): the items, trimmed, empty ones dropped.</summary>
internal static class CommaList
{
    public static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The items as numbers; one that is not names <paramref name="option"/> and the item.</summary>
    public static double[] Numbers(string list, string option) => [.. Split(list).Select(text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new UserError($"{option}: '{text}' is not a number"))];
}
