using Hpnna.Host.Tests;

namespace Hpnna.Hil.Tests;

/// <summary>Faults on the bench: link cut, line noise, battery and stall, a goal swap over the command link, and the controller stopped mid-run.</summary>
public sealed class FaultTests
{
    [Fact]
    public void A_3_s_link_cut_stops_the_robot_and_the_controller_recovers_and_finishes()
    {
        using var bench = Bench.Run("link-cut-3s.json", "--goal", "G6");
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(100));
        Assert.True(code == 0, bench.Explain(result));
        Assert.Matches(@"stop after link cut [0-2]\.\d s", result);
        Assert.Contains("stale motion commands 0;", result); // after reconnecting, nothing computed before the loss reached the robot
        Assert.Contains("sessions 2;", result);
        Assert.Contains("Robot link:", bench.Host.Output); // the loss was noticed and logged
    }

    [Fact]
    public void Garbage_on_the_line_does_not_stop_the_run()
    {
        using var bench = Bench.Run("garbage.json", "--goal", "G4");
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
        Assert.Matches(@"garbage bytes [1-9]\d+", result);
    }

    [Fact]
    public void A_goal_swapped_over_the_command_link_mid_run_is_reached()
    {
        using var bench = Bench.Run("goal-g8.json", "--goal", "G1");
        using (var link = LinkClient.ConnectTcp(bench.LinkPort))
        {
            Assert.Equal("OK GOAL G8", link.Send("GOAL G8"));
        }

        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
    }

    [Fact]
    public void A_low_battery_and_a_wheel_stall_are_logged_and_the_run_goes_on()
    {
        using var bench = Bench.Run("battery-and-stall.json", "--goal", "G2");
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
        Assert.Contains("Robot battery low: 11.2 V", bench.Host.Output);
        Assert.Contains("Robot wheel stall: both wheels", bench.Host.Output);
        Assert.Contains("Robot wheel stall cleared", bench.Host.Output);
    }

    [Theory]
    [InlineData("sonar-silent.json", 0)]
    [InlineData("sonar-silent-front.json", 3)]
    public void A_dead_sonar_stops_the_robot_before_it_hits_a_wall(string scenario, int disc)
    {
        using var bench = Bench.Run(scenario, "--goal", "G6");
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
        Assert.Matches(@"PASS: stopped [0-2]\.\d s after the fault", result);
        Assert.Contains($"state=stopped-dead-sonar-{disc}", result);
        Assert.Contains($"Sonar {disc} (s{disc}) hears nothing", bench.Host.Output);
    }

    [Fact]
    public void A_sonar_stuck_at_a_false_range_for_6_s_does_not_stop_the_run()
    {
        using var bench = Bench.Run("sonar-stuck.json", "--goal", "G3");
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
    }

    [Fact]
    public void Stopping_the_controller_stops_the_robot()
    {
        using var bench = Bench.Run("goal-g7.json", "--goal", "G7");
        Assert.True(Poll.Until(() => Moving(bench.Trace), TimeSpan.FromSeconds(30)), "the robot never moved");
        Assert.Equal(0, bench.StopHost());
        Thread.Sleep(1500);
        var last = File.ReadAllLines(bench.Trace)[^1].Split(',');
        Assert.Equal(("0.000", "False", "False"), (last[4], last[6], last[7])); // linear, session open, motors enabled
    }

    private static bool Moving(string trace) =>
        File.Exists(trace) && File.ReadLines(trace).Skip(1).Any(l => double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture) > 0.2);
}
