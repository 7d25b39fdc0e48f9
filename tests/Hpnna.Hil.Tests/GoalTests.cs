namespace Hpnna.Hil.Tests;

/// <summary>Every goal of the depth-3 maze (lambda 3) reached by the real controller through the rig; two classes so that two benches run at once.</summary>
public sealed class LeftGoalTests
{
    [Theory]
    [InlineData("G1")]
    [InlineData("G2")]
    [InlineData("G3")]
    [InlineData("G4")]
    public void The_controller_reaches_the_goal_through_the_rig(string goal) => GoalRun.Check(goal);
}

public sealed class RightGoalTests
{
    [Theory]
    [InlineData("G5")]
    [InlineData("G6")]
    [InlineData("G7")]
    [InlineData("G8")]
    public void The_controller_reaches_the_goal_through_the_rig(string goal) => GoalRun.Check(goal);
}

internal static class GoalRun
{
    public static void Check(string goal)
    {
        using var bench = Bench.Run($"goal-{goal.ToLowerInvariant()}.json", "--goal", goal);
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
        Assert.Contains($"PASS: reached {goal}", result);
        Assert.Equal(0, bench.StopHost());
    }
}
