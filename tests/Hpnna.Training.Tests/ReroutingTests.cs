using Hpnna.Core.Transitions;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Sonars;
using Hpnna.Training.Experiments.Rerouting;
using Xunit;

namespace Hpnna.Training.Tests;

/// <summary>Goals swapped mid-run in the simulator, with the shipped programs.</summary>
public sealed class ReroutingTests
{
    private static readonly ProgramSet Programs = ProgramSet.Load(
        Path.Combine(AppContext.BaseDirectory, "programs", "l1-primitives.json"), Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json"));

    [Theory]
    [InlineData(1, 4, 1)] // LLL to LRR between junctions 1 and 2
    [InlineData(1, 2, 2)] // LLL to LLR between junctions 2 and 3
    [InlineData(8, 6, 1)] // RRR to RLR between junctions 1 and 2
    [InlineData(6, 5, 2)] // RLR to RLL between junctions 2 and 3
    public void A_goal_swapped_after_a_junction_is_reached_and_without_the_phase_it_was_not(int old, int nw, int junctions)
    {
        var (prepared, swaps) = SwapAfter(old, nw, junctions, ControllerDefaults.GoalPhase);
        Assert.Null(Assert.Single(swaps).Refusal);
        Assert.Equal(junctions, swaps[0].Route.Junctions);
        Assert.Equal((EpisodeOutcome.GoalReached, GoalRoutes.Name(nw)), (prepared.Outcome, prepared.Goal));

        var (bare, _) = SwapAfter(old, nw, junctions, PreparatoryPhase.Off);
        Assert.NotEqual(GoalRoutes.Name(nw), bare.Goal);
    }

    [Fact]
    public void A_swap_the_turns_taken_rule_out_is_refused_and_the_old_goal_is_reached()
    {
        var (result, swaps) = SwapAfter(2, 3, 2, ControllerDefaults.GoalPhase); // LLR after LL: LRL is out of reach
        Assert.Equal("G3 (LRL) can no longer be reached: turns taken LL; still reachable: G1, G2", Assert.Single(swaps).Refusal);
        Assert.Equal((EpisodeOutcome.GoalReached, "G2"), (result.Outcome, result.Goal));
    }

    [Fact]
    public void Landing_a_swap_allocates_nothing_on_the_control_thread()
    {
        var maze = TMazeGenerator.Depth3(3);
        var controller = Controller(1, ControllerDefaults.GoalPhase);
        var episode = MazeEpisode.Create(maze, controller, "G1", 1, EpisodeSettings.Default);
        for (var t = 0; t < 100; t++)
        {
            episode.Tick(); // warm-up, 5 s into the first corridor
        }

        // Asked for on another thread, as the command link asks; landed by the ticks counted here.
        string? refusal = "not asked";
        var poster = new Thread(() => refusal = controller.Goals.Request(5, Programs.Goal("G5")));
        poster.Start();
        poster.Join();
        Assert.Null(refusal);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var t = 0; t < 20; t++)
        {
            episode.Tick();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(5, controller.Goals.Route.Goal);
    }

    [Fact]
    public void The_experiment_gives_the_same_outcomes_on_any_thread_count_and_the_phase_reaches_every_new_goal()
    {
        var settings = new ReroutingSettings { Lambdas = [3], NoiseLevels = [0], NoiseFreeSwaps = 1 };
        var one = ReroutingExperiment.Run(Programs, settings with { Threads = 1 });
        var two = ReroutingExperiment.Run(Programs, settings with { Threads = 2 });

        Assert.Equal(one.Cells.SelectMany(c => c.Outcomes), two.Cells.SelectMany(c => c.Outcomes));
        Assert.Equal(120, one.Cells.Count(c => c.Prepared));
        Assert.All(one.Cells.Where(c => c.Prepared), c => Assert.Equal([SwapOutcome.Reached], c.Outcomes));
        Assert.Contains(one.Cells, c => !c.Prepared && c.Reached == 0);
    }

    private static HpnnaController Controller(int goal, PreparatoryPhase phase) => HpnnaController.Create(
        Programs.L1.Interpreter, Programs.L2.Interpreter, Programs.L1["Pr"].Code, Programs.L1["Pl"].Code, Programs.Goal(GoalRoutes.Name(goal)),
        SonarLayouts.PioneerFrontRing, EpisodeSettings.Default.ControlPeriod, goalNumber: goal, goalPhase: phase);

    /// <summary>A run to <paramref name="old"/> at lambda 3, given <paramref name="nw"/> 2 s into the corridor after <paramref name="junctions"/> junctions.</summary>
    private static (EpisodeResult Result, IReadOnlyList<AskedSwap> Swaps) SwapAfter(int old, int nw, int junctions, PreparatoryPhase phase)
    {
        var controller = Controller(old, phase);
        var episode = MazeEpisode.Create(TMazeGenerator.Depth3(3), controller, GoalRoutes.Name(old), 1, EpisodeSettings.Default);
        var swap = new PlannedSwap(nw, Programs.Goal(GoalRoutes.Name(nw)).ToArray());
        return SwappingEpisode.Run(episode, controller.Goals, SwappingEpisode.AfterEntering(route => route.Junctions == junctions && !route.Turning, 2, swap));
    }
}
