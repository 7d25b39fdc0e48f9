namespace Hpnna.Cli.Tests;

public sealed class TrainAndExperimentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hpnna-exp-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Primitives_for_other_sensors_are_not_trained_into_a_library_learned_with_the_ring()
    {
        var library = Path.Combine(_directory, "l1.json");
        File.Copy(CliRun.RepositoryFile("firmware-config/programs/l1-primitives.json"), library);
        var before = File.ReadAllText(library);

        var run = CliRun.InProcess("train", "l1", "--sonars", "hcsr04", "--generations", "1", "--out", library);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {library} holds programs learned with the sensor layout 'pioneer-front-ring', not 'hcsr04-5': write these to another library with --out", run.Error.Trim());
        Assert.Equal(before, File.ReadAllText(library));
    }

    [Theory]
    [InlineData("train l2 --tasks T9", "unknown task 'T9'")]
    [InlineData("train l2 --population 3", "population")]
    [InlineData("train l2 --f 2.5", "F must be")]
    [InlineData("train l2 --cr 1.5", "CR must be")]
    [InlineData("train l1 --programs Px", "unknown primitive 'Px'")]
    [InlineData("train l1 --robust-noise 200", "--robust-noise must be between 0 and 100")]
    [InlineData("train l2 --robust-redraw", "--robust-redraw redraws noisy copies: give --robust-noise too")]
    [InlineData("train l2 --tasks G3 --in-hierarchy --robust-noise 10 --robust-redraw", "--robust-redraw is for learning on the level's own task")]
    [InlineData("train l2 --refine-spread 0", "--refine-spread must be above 0 and at most 100 percent (got 0)")]
    [InlineData("train l2 --tasks G3 --in-hierarchy --hierarchy-lambdas 3,0.5", "--hierarchy-lambdas must name maze sizes between 1 and 10 (got '3,0.5')")]
    [InlineData("train l2 --tasks G3 --in-hierarchy --hierarchy-lambdas 3,x", "--hierarchy-lambdas: 'x' is not a number")]
    [InlineData("train l1 --programs Pl --in-hierarchy --hierarchy-clearance 2", "--hierarchy-clearance must be between 0 and 1 (got 2)")]
    [InlineData("train l2 --dataset 2.4,0", "--dataset must be single, three or comma-separated maze sizes lambda > 0 (got '2.4,0')")]
    [InlineData("train l2 --dataset huge", "--dataset: 'huge' is not a number")]
    [InlineData("train l2 --pulses 4-x", "--pulses: pulse lengths are 'shortest-longest' in whole L2 steps, such as 4-9 (got '4-x')")]
    [InlineData("train l2 --tasks G3 --lead 8", "--lead must be between 1 and 7 L2 steps (got 8)")]
    [InlineData("train l2 --ideal-generations 0", "--ideal-generations must be at least 1 (got 0)")]
    [InlineData("train l1 --refine", "--refine needs Pr in the library to start from; it has no programs")]
    [InlineData("train l1 --programs Pc --in-hierarchy", "in-hierarchy training refines Pr, Pl or a goal code")]
    [InlineData("train l1 --sonars lidar", "--sonars must be one of ring, hcsr04 (got 'lidar')")]
    [InlineData("experiment maze --sonars lidar", "--sonars must be one of ring, hcsr04 (got 'lidar')")]
    [InlineData("experiment maze --trials 0", "trials per cell must be at least 1")]
    [InlineData("experiment maze --noise 10,abc", "--noise: 'abc' is not a number")]
    [InlineData("experiment maze --lambdas 0.5", "maze sizes lambda")]
    [InlineData("experiment maze --l2-modules 4", "L2 modules must be odd, from 1 to 9 (got 4)")]
    [InlineData("experiment maze --l2 missing.json", "missing.json")]
    [InlineData("experiment programs-vs-dynamics --runs 1", "runs must be at least 2")]
    [InlineData("experiment programs-vs-dynamics --datasets single,huge", "datasets must be single and/or three")]
    [InlineData("experiment programs-vs-dynamics --l2-neurons 1", "L2 neurons must be between 2 and 12 (got 1)")]
    [InlineData("experiment incremental --generations 0", "generations")]
    public void Impossible_settings_are_one_clear_error_and_nothing_is_written(string arguments, string message)
    {
        var output = Path.Combine(_directory, "out.json");
        var args = arguments.Split(' ').Append("--out").Append(output).ToArray();

        var run = CliRun.InProcess(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("Exception", run.Error);
        Assert.False(File.Exists(output) || Directory.Exists(output), "nothing is written for a bad command");
    }

    [Fact]
    public void A_small_maze_experiment_writes_its_report_with_the_command_and_seed()
    {
        var run = CliRun.InProcess("experiment", "maze", "--trials", "1", "--lambdas", "3", "--noise", "0", "--seed", "9", "--out", _directory);

        Assert.Equal(0, run.ExitCode);
        var report = File.ReadAllText(Path.Combine(_directory, "README.md"));
        Assert.Contains("experiment maze --trials 1 --lambdas 3 --noise 0 --seed 9", report);
        Assert.Contains("(seed 9;", report);
        Assert.Contains("| 3.0 | 8/8 = 100%", report);
        Assert.True(File.Exists(Path.Combine(_directory, "success-vs-noise.png")));
    }

    [Fact]
    public void A_guarded_refinement_still_reaches_its_goal_and_says_so_in_its_record()
    {
        var library = Path.Combine(_directory, "l2.json");
        File.Copy(CliRun.RepositoryFile("firmware-config/programs/l2-goals.json"), library);
        var l1 = CliRun.RepositoryFile("firmware-config/programs/l1-primitives.json");

        var run = CliRun.InProcess("train", "l2", "--tasks", "G6", "--maze-guard", "--l1", l1, "--refine", "--refine-spread", "30", "--robust-noise", "10", "--robust-copies", "1", "--generations", "2", "--population", "4", "--dataset", "3,5.5,8", "--pulses", "4-9", "--out", library);

        Assert.Contains("G6:", run.Output);
        var show = CliRun.InProcess("program", "show", library);
        // This run's record (population 4, its sequences), its guard one goal at three sizes, with perfect sonars and 4 noisy runs.
        Assert.Matches(@"G6 +DE/best/1/bin pop 4 .*on 3 sizes \(lambda 3, 5\.5, 8\), pulses of 4-9 steps, 30 trigger sequences.*kept to reaching its goals in the hierarchy noise-free at lambda 2, 3, 4 \(15 guard episodes\)", show.Output);
        foreach (var lambda in new[] { "2", "3", "4" })
        {
            Assert.Equal(0, CliRun.InProcess("sim", "run", "--goal", "G6", "--lambda", lambda, "--l1", l1, "--l2", library).ExitCode);
        }
    }
}
