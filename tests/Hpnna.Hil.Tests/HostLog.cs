using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Hpnna.Robot.Loop;

namespace Hpnna.Hil.Tests;

/// <summary>What the benches read back from the controller's log.</summary>
internal static class HostLog
{
    /// <summary>The host's "Deadline missed: ..." lines, parsed back.</summary>
    public static List<DeadlineMiss> DeadlineMisses(string hostOutput) =>
        [.. Regex.Matches(hostOutput, @"Deadline missed: tick (\d+) woke ([\d.]+) ms after its first missed deadline \((\d+) skipped\) at monotonic ([\d.]+) s on CPU (-?\d+): (overrun|late)")
            .Select(m => new DeadlineMiss(
                long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 1e3,
                (long)(double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) * Stopwatch.Frequency),
                int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture),
                m.Groups[6].Value == "overrun",
                0))];
}
