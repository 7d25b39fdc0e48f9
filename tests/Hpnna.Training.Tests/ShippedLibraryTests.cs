using Hpnna.Core.Interpreters;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Sonars;
using Xunit;

namespace Hpnna.Training.Tests;

/// <summary>The program libraries in firmware-config/programs do what the robot loads them for, in the simulator.</summary>
public sealed class ShippedLibraryTests
{
    private static readonly ProgramLibrary L1 = ProgramLibrary.Load(Path.Combine(AppContext.BaseDirectory, "programs", "l1-primitives.json"), InterpreterTopologies.L1());
    private static readonly ProgramLibrary L2 = ProgramLibrary.Load(Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json"), InterpreterTopologies.L2());

    private static readonly string[] GoalNames = [.. Enumerable.Range(1, 8).Select(g => $"G{g}")];

    [Fact]
    public void Both_libraries_hold_every_program_the_robot_needs()
    {
        Assert.True(L1.Contains("Pr") && L1.Contains("Pl"));
        Assert.All(GoalNames, g => Assert.True(L2.Contains(g), $"missing {g}"));
    }

    [Theory]
    [InlineData("Pr", "G8")]
    [InlineData("Pl", "G1")]
    public void A_primitive_alone_follows_its_wall_through_all_three_junctions(string primitive, string goal)
    {
        var maze = TMazeGenerator.Depth3(3);
        var controller = new PrimitiveController(new L1Interpreter(L1.Interpreter), L1[primitive].Code, ControllerDefaults.Grouping(SonarLayouts.PioneerFrontRing), ControllerDefaults.Motors);

        var result = MazeEpisode.Create(maze, controller, goal, seed: 1, EpisodeSettings.Default).Run();

        Assert.Equal(EpisodeOutcome.GoalReached, result.Outcome);
    }

    public static TheoryData<double, string> EveryGoalAtEverySize()
    {
        var data = new TheoryData<double, string>();
        foreach (var lambda in new[] { 2.0, 3.0, 4.0 })
        {
            foreach (var goal in GoalNames)
            {
                data.Add(lambda, goal);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryGoalAtEverySize))]
    public void The_whole_hierarchy_reaches_every_goal(double lambda, string goal)
    {
        var maze = TMazeGenerator.Depth3(lambda);
        var controller = HpnnaController.Create(L1.Interpreter, L2.Interpreter, L1["Pr"].Code, L1["Pl"].Code, L2[goal].Code, SonarLayouts.PioneerFrontRing, EpisodeSettings.Default.ControlPeriod);

        var result = MazeEpisode.Create(maze, controller, goal, seed: 1, EpisodeSettings.Default).Run();

        Assert.True(result.Outcome == EpisodeOutcome.GoalReached, $"{goal} at lambda {lambda}: {result.Outcome} {result.Goal} after {result.Time:F1} s");
    }
}
