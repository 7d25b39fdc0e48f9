using System.Globalization;
using Hpnna.Common.Validation;

namespace Hpnna.Cli.Csv;

/// <summary>
/// A reference trajectory to compare a simulation with: one row per listed step, <c>step,a_0,...,a_n-1</c>, every
/// activity in the order of <c>--out</c> (slow neurons, mul units, constant unit); lines starting with # are notes.
/// </summary>
internal static class ReferenceCsv
{
    public static SortedDictionary<int, double[]> Parse(string text, string origin, int width, int maxStep)
    {
        var rows = new SortedDictionary<int, double[]>();
        var problems = new List<Problem>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length && problems.Count < 10; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var where = $"line {index + 1}";
            var cells = line.Split(',');
            if (cells.Length != width + 1)
            {
                problems.Add(new(where, $"has {cells.Length} values; a row is the step and {width} activities"));
                continue;
            }

            if (!int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step > maxStep)
            {
                problems.Add(new($"{where}, column 1", $"'{cells[0]}' is not a step from 0 to {maxStep}"));
                continue;
            }

            if (!rows.TryAdd(step, new double[width]))
            {
                problems.Add(new($"{where}, column 1", $"step {step} is listed twice"));
                continue;
            }

            for (var k = 0; k < width; k++)
            {
                if (!double.TryParse(cells[k + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out rows[step][k]) || !double.IsFinite(rows[step][k]))
                {
                    problems.Add(new($"{where}, column {k + 2}", $"'{cells[k + 1]}' is not a finite number"));
                }
            }
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new("line 1", "the file has no rows to compare with"));
        }

        return problems.Count > 0 ? throw new InvalidDescriptionException(origin, problems) : rows;
    }
}
