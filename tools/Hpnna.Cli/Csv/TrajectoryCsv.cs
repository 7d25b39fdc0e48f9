using System.Globalization;

namespace Hpnna.Cli.Csv;

/// <summary>Writes a trajectory as CSV: step, time, then one column per neuron, in round-trip precision.</summary>
internal sealed class TrajectoryCsv(TextWriter writer, double stepSize)
{
    public void WriteHeader(IReadOnlyList<string> names) => writer.WriteLine("step,t," + string.Join(",", names));

    public void WriteRow(int step, ReadOnlySpan<double> activities)
    {
        writer.Write(step.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write((step * stepSize).ToString("R", CultureInfo.InvariantCulture));
        foreach (var activity in activities)
        {
            writer.Write(',');
            writer.Write(activity.ToString("R", CultureInfo.InvariantCulture));
        }

        writer.WriteLine();
    }
}
