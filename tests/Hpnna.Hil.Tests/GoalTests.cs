namespace Hpnna.Hil.Tests;

/// <summary>
/// Every goal of the depth-3 maze (lambda 3) reached by the real controller through the rig; two classes so that
/// two benches run at once. On the left goals the host also judges its own run by odometry and ends at the outcome.
/// </summary>
public sealed class LeftGoalTests
{
    [Theory]
    [InlineData("G1")]
    [InlineData("G2")]
    [InlineData("G3")]
    [InlineData("G4")]
    public void The_controller_reaches_the_goal_through_the_rig_and_says_so_itself(string goal) => GoalRun.Check(goal, judgedByHost: true);
}

public sealed class RightGoalTests
{
    [Theory]
    [InlineData("G5")]
    [InlineData("G6")]
    [InlineData("G7")]
    [InlineData("G8")]
    public void The_controller_reaches_the_goal_through_the_rig(string goal) => GoalRun.Check(goal, judgedByHost: false);
}

internal static class GoalRun
{
    public static void Check(string goal, bool judgedByHost)
    {
        // Judged by the host, the rig serves on after its own verdict (the robot's reported odometry enters the goal
        // a SIP or two after its true pose) until the host, having judged the run itself, closes the session.
        var scenario = $"goal-{goal.ToLowerInvariant()}.json";
        using var bench = judgedByHost
            ? Bench.Run(scenario, ["--until-closed"], ["--goal", goal, "--Hpnna:Judge:Lambda", "3"])
            : Bench.Run(scenario, "--goal", goal);
        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
        Assert.Contains($"PASS: reached {goal}", result);
        if (judgedByHost)
        {
            // The host ends by itself at the outcome, with the exit code a simulated run would give.
            Assert.True(bench.Host.WaitForExit(TimeSpan.FromSeconds(15)) == 0, bench.Host.Output);
            Assert.Matches($@"Run ended: reached {goal} after \d+\.\d s .* \(judged by odometry\)", bench.Host.Output);
        }
        else
        {
            Assert.Equal(0, bench.StopHost());
        }
    }
}
