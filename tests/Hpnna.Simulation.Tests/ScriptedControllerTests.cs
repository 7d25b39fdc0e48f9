using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Xunit.Abstractions;

namespace Hpnna.Simulation.Tests;

public sealed class ScriptedControllerTests(ITestOutputHelper output)
{
    public static TheoryData<string, double> GoalsAndSizes()
    {
        var data = new TheoryData<string, double>();
        foreach (var lambda in new[] { 2.0, 3.0, 4.0 })
        {
            for (var g = 1; g <= 8; g++)
            {
                data.Add($"G{g}", lambda);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoalsAndSizes))]
    public void Wall_following_sequencer_reaches_every_goal_of_the_depth_3_maze(string goal, double lambda)
    {
        var maze = TMazeGenerator.Depth3(lambda);
        var settings = EpisodeSettings.Default;
        var episode = MazeEpisode.Create(maze, MazeEpisode.ScriptedController(maze, goal, settings), goal, seed: 1, settings);

        var result = episode.Run();

        output.WriteLine($"{goal} lambda {lambda}: {result}");
        Assert.Equal(EpisodeOutcome.GoalReached, result.Outcome);
        Assert.Equal(goal, result.Goal);
    }
}
