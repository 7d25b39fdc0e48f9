namespace Hpnna.Hil.Tests;

/// <summary>
/// The robot the product exists for on the bench: the rig plays the base over ARCOS and feeds five HC-SR04
/// modules' echoes to the controller's simulated GPIO, which the controller's own driver pings and times.
/// Every goal (two classes, so that two benches run at once), a dead module, a module stuck at a false range.
/// </summary>
public sealed class Hcsr04LeftGoalTests
{
    [Theory]
    [InlineData("G1")]
    [InlineData("G2")]
    [InlineData("G3")]
    [InlineData("G4")]
    public void The_controller_reaches_the_goal_on_HC_SR04_modules(string goal) => Hcsr04Run.Goal(goal);
}

public sealed class Hcsr04RightGoalTests
{
    [Theory]
    [InlineData("G5")]
    [InlineData("G6")]
    [InlineData("G7")]
    [InlineData("G8")]
    public void The_controller_reaches_the_goal_on_HC_SR04_modules(string goal) => Hcsr04Run.Goal(goal);

    [Fact]
    public void A_dead_module_stops_the_robot_before_it_hits_a_wall()
    {
        using var bench = Bench.RunHcsr04("hcsr04-module-silent.json", "--goal", "G6");
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
        Assert.Matches(@"PASS: stopped [0-2]\.\d s after the fault", result);
        Assert.Contains("state=stopped-dead-sonar-2", result);
        Assert.Contains("Sonar 2 (front) hears nothing", bench.Host.Output);
    }

    [Fact]
    public void A_module_stuck_at_a_false_range_for_6_s_does_not_stop_the_run()
    {
        using var bench = Bench.RunHcsr04("hcsr04-module-stuck.json", "--goal", "G3");
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
    }
}

internal static class Hcsr04Run
{
    public static void Goal(string goal)
    {
        using var bench = Bench.RunHcsr04($"hcsr04-goal-{goal.ToLowerInvariant()}.json", "--goal", goal);
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
        Assert.Contains($"PASS: reached {goal}", result);
        Assert.Contains("HC-SR04 on a simulated GPIO fed by the rig", bench.Host.Output);
        Assert.Contains("l1-primitives-hcsr04.json", bench.Host.Output);
        Assert.Equal(0, bench.StopHost());
    }
}
