using System.Globalization;
using System.Text.RegularExpressions;

namespace Hpnna.Hil.Tests;

/// <summary>Lap after lap: the rig puts the robot back over the command link and commands the next goal.</summary>
public sealed class LapTests
{
    [Fact]
    public void Three_laps_to_three_goals_each_reach_their_goal()
    {
        using var bench = Bench.Run("laps.json", "--goal", "G2");
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(200));
        Assert.True(code == 0, $"{result}\n--- host ---\n{bench.Host.Output}");
        Assert.Contains("laps 3/3", result);
        foreach (var (lap, goal) in new[] { (1, "G2"), (2, "G7"), (3, "G4") })
        {
            Assert.Contains($"rig: lap {lap}/3 {goal}: reached {goal}", bench.Rig.Output);
        }
    }

    /// <summary>
    /// The soak: 64 laps through every goal, about 35 minutes of real time, on the real-time clock. Not in CI
    /// (Category=Soak); run it with <c>dotnet test tests/Hpnna.Hil.Tests --filter Category=Soak</c>. Zero deadline
    /// misses (no skipped tick, no tick late by more than the loop's threshold) and zero lost commands (every ARCOS
    /// packet the controller sent was received whole, every command-link command answered OK).
    /// </summary>
    [Fact]
    [Trait("Category", "Soak")]
    public void Soak_64_laps_with_no_deadline_miss_and_no_lost_command()
    {
        using var bench = Bench.Run("soak.json", ["--until-closed"], ["--goal", "G1"]);
        Assert.True(Poll.Until(() => bench.Rig.Output.Contains("scenario soak:", StringComparison.Ordinal), TimeSpan.FromMinutes(60)), bench.Rig.Output);
        Assert.Equal(0, bench.StopHost());
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"{result}\n--- host ---\n{bench.Host.Output}");
        Assert.Contains("laps 64/64", result);
        Assert.Contains("sessions 1;", result);
        Assert.Contains("checksum errors 0;", result);
        Assert.Matches(" late=0 skipped=0$", result);

        var sent = Regex.Match(bench.Host.Output, @"\((\d+) packets sent in the session\)");
        var received = Regex.Match(bench.Rig.Output, @"the robot received (\d+) packets \(0 with checksum errors\) in 1 sessions");
        Assert.True(sent.Success && received.Success, $"no packet counts\n--- rig ---\n{bench.Rig.Output}\n--- host ---\n{bench.Host.Output}");
        Assert.Equal(long.Parse(sent.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(received.Groups[1].Value, CultureInfo.InvariantCulture));
    }
}
