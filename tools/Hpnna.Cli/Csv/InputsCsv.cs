using System.Globalization;
using Hpnna.Common.Validation;
using Hpnna.Core.Layers;

namespace Hpnna.Cli.Csv;

/// <summary>
/// Reads a layer's input sequence: one row per step, one column per input, comma-separated. A first row that
/// is not numeric is a header and must name the layer's inputs in order; blank lines and # comments are skipped.
/// </summary>
internal static class InputsCsv
{
    public static double[][] Parse(string text, string origin, LayerDefinition definition)
    {
        var rows = new List<double[]>();
        var problems = new List<Problem>();
        var lines = text.Split('\n');
        var width = definition.InputCount;
        for (var index = 0; index < lines.Length && problems.Count < 10; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',');
            var where = $"line {index + 1}";
            if (rows.Count == 0 && IsHeader(cells))
            {
                CheckHeader(cells, definition, where, problems);
                continue;
            }

            if (cells.Length != width)
            {
                problems.Add(new(where, $"has {cells.Length} values, but '{definition.Name}' has {width} inputs"));
                continue;
            }

            var row = new double[width];
            for (var k = 0; k < width; k++)
            {
                var cell = cells[k].Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out row[k]) || !double.IsFinite(row[k]))
                {
                    problems.Add(new($"{where}, column {k + 1}", $"'{cell}' is not a finite number"));
                }
            }

            rows.Add(row);
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new("line 1", "the file has no rows of inputs"));
        }

        return problems.Count > 0 ? throw new InvalidDescriptionException(origin, problems) : [.. rows];
    }

    private static bool IsHeader(string[] cells) =>
        cells.All(cell => !double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    private static void CheckHeader(string[] cells, LayerDefinition definition, string where, List<Problem> problems)
    {
        var expected = Enumerable.Range(0, definition.InputCount).Select(definition.InputName).ToArray();
        if (!cells.Select(cell => cell.Trim()).SequenceEqual(expected, StringComparer.Ordinal))
        {
            problems.Add(new(where, $"header '{string.Join(",", cells.Select(c => c.Trim()))}' does not name the inputs of '{definition.Name}': {string.Join(",", expected)}"));
        }
    }
}
