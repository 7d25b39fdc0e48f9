using Hpnna.Core.Interpreters;
using Hpnna.Programs.Library;
using Hpnna.Training.Evolution;
using Hpnna.Training.Experiments;
using Hpnna.Training.Experiments.Incremental;
using Hpnna.Training.Experiments.Maze;

namespace Hpnna.Training.Tests;

public sealed class ExperimentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hpnna-exp-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ProgramLibrary Shipped(string file, Core.Layers.LayerDefinition definition) =>
        ProgramLibrary.Load(Path.Combine(AppContext.BaseDirectory, "programs", file), definition);

    [Fact]
    public void Trial_seeds_depend_on_every_coordinate_and_nothing_else()
    {
        Assert.Equal(TrialSeed.Of(1, 2, 3), TrialSeed.Of(1, 2, 3));
        Assert.NotEqual(TrialSeed.Of(1, 2, 3), TrialSeed.Of(1, 3, 2));
        Assert.NotEqual(TrialSeed.Of(1, 2, 3), TrialSeed.Of(2, 2, 3));
    }

    [Fact]
    public void The_maze_experiment_gives_the_same_cells_on_one_thread_and_on_two()
    {
        var l1 = Shipped("l1-primitives.json", InterpreterTopologies.L1());
        var l2 = Shipped("l2-goals.json", InterpreterTopologies.L2());
        var settings = new MazeExperimentSettings { Lambdas = [3.0], NoiseLevels = [0.0, 0.2], Trials = 2, Seed = 3 };

        var one = MazeExperiment.Run(l1, l2, settings with { Threads = 1 });
        var two = MazeExperiment.Run(l1, l2, settings with { Threads = 2 });

        Assert.Equal(16, one.Cells.Count);
        Assert.Equal(one.Cells, two.Cells);
        Assert.All(one.Cells.Where(c => c.Noise == 0), c => Assert.Equal(2, c.Reached));
        var report = MazeReport.Write(one, _directory, "test", "shipped");
        Assert.Contains("| 3.0 | 16/16 = 100%", File.ReadAllText(report));
        Assert.True(File.Exists(Path.Combine(_directory, "trajectories-G5.png")));
    }

    [Fact]
    public void Bad_maze_settings_are_refused_with_every_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => MazeExperiment.Run(null!, null!, new MazeExperimentSettings { Trials = 0, NoiseLevels = [-0.1] }));

        Assert.Contains("trials per cell", error.Message);
        Assert.Contains("noise levels", error.Message);
    }

    [Fact]
    public void Learning_a_new_primitive_leaves_the_earlier_ones_bit_identical()
    {
        var settings = new DeSettings { MaxGenerations = 2, Seed = 4, StopWhenSolved = false };

        var result = IncrementalExperiment.Run(InterpreterTopologies.L1(), settings, Path.Combine(_directory, "lib.json"), "test");

        Assert.True(result.EarlierProgramsUnchanged);
        Assert.Equal(3, result.Stages.Count);
        Assert.Single(result.Stages.Select(s => s.InterpreterFingerprint).Distinct());
        Assert.Equal(3, ProgramLibrary.Load(Path.Combine(_directory, "lib.json")).Programs.Count);
    }
}
