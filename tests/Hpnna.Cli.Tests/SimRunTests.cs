using System.Text.RegularExpressions;

namespace Hpnna.Cli.Tests;

public sealed class SimRunTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hpnna-sim-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reaching_the_commanded_goal_exits_0_and_writes_the_picture_and_trace()
    {
        var png = Path.Combine(_directory, "g6.png");
        var trace = Path.Combine(_directory, "g6.csv");

        var run = CliRun.InProcess("sim", "run", "--goal", "G6", "--lambda", "2", "--png", png, "--trace", trace);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("reached G6", run.Output);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        var lines = File.ReadAllLines(trace);
        Assert.StartsWith("t,x,y,heading,odom_x,odom_y,odom_heading,v_cmd,omega_cmd,activity,s0,", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 100);
    }

    [Fact]
    public void Runs_with_noise_are_repeatable_from_the_seed()
    {
        string Trace(string seed)
        {
            var path = Path.Combine(_directory, $"trace-{seed}-{Guid.NewGuid():N}.csv");
            CliRun.InProcess("sim", "run", "--goal", "G3", "--seed", seed, "--sonar-noise", "0.02", "--dropout", "0.02", "--odometry-noise", "0.02", "--trace", path);
            return File.ReadAllText(path);
        }

        Assert.Equal(Trace("5"), Trace("5"));
        Assert.NotEqual(Trace("5"), Trace("6"));
    }

    [Fact]
    public void Goals_swapped_mid_run_are_reached_from_where_the_robot_is_and_one_out_of_reach_is_refused()
    {
        // The case that failed before L2 was prepared for the junctions passed: G1 to G2 at 10 s, lambda 3.
        var run = CliRun.InProcess("sim", "run", "--goal", "G1", "--swap", "G2@10");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("reached G2", run.Output);

        var twice = CliRun.InProcess("sim", "run", "--goal", "G1", "--swap", "G4@16", "--swap", "G8@20");
        Assert.Equal(0, twice.ExitCode);
        // As plain text on one line, however the console coloured and wrapped it.
        var output = Regex.Replace(Regex.Replace(twice.Output, @"\x1b\[[0-9;]*m", ""), @"\s+", " ");
        Assert.Contains("swap to G4 at 16.00 s, 1 junction(s) passed, turns L: accepted", output);
        Assert.Contains("swap to G8 at 20.00 s, 1 junction(s) passed, turns L: refused: G8 (RRR) can no longer be reached: turns taken L; still reachable: G1, G2, G3, G4", output);
        Assert.Contains("reached G4", twice.Output);
    }

    [Theory]
    [InlineData("G9@3")]
    [InlineData("G2")]
    [InlineData("G2@-1")]
    [InlineData("G2@soon")]
    public void A_malformed_swap_is_one_line_naming_it(string swap)
    {
        var run = CliRun.InProcess("sim", "run", "--goal", "G1", "--swap", swap);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: --swap takes a goal and a time in seconds such as G2@12.5 (got '{swap}')", run.Error.Trim());
    }

    [Fact]
    public void A_time_out_exits_2_and_says_so()
    {
        var run = CliRun.InProcess("sim", "run", "--goal", "G8", "--time-limit", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("timed out", run.Output);
    }

    [Theory]
    [InlineData("--goal", "G9", "a depth-3 maze has G1..G8")]
    [InlineData("--delta", "1.0", "too short for a depth-3 maze")]
    [InlineData("--lambda", "-2", "--lambda must be a finite number > 0")]
    [InlineData("--dropout", "1.5", "--dropout is a probability")]
    [InlineData("--depth", "5", "depth must be 1, 2 or 3")]
    [InlineData("--sonars", "lidar", "--sonars must be one of ring, hcsr04 (got 'lidar')")]
    [InlineData("--controller", "scripted --sonars hcsr04", "--controller scripted follows the Pioneer ring's discs: run it with --sonars ring")]
    public void Bad_settings_are_one_clear_error(string option, string value, string message)
    {
        var run = CliRun.InProcess(["sim", "run", option, .. value.Split(' ')]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.DoesNotMatch(@"^\s+at \S", run.Error.Split('\n').Last(l => l.Length > 0));
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("hpnna")]
    [InlineData("scripted")]
    public void Both_controllers_reach_the_goal_and_hpnna_is_the_default(string controller)
    {
        var run = CliRun.InProcess("sim", "run", "--controller", controller, "--goal", "G5");
        var byDefault = CliRun.InProcess("sim", "run", "--goal", "G5");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("reached G5", run.Output);
        Assert.Contains($"{controller} controller", run.Output);
        Assert.Contains("hpnna controller", byDefault.Output);
    }

    [Fact]
    public void The_hpnna_controller_refuses_mazes_its_goal_programs_are_not_for()
    {
        var run = CliRun.InProcess("sim", "run", "--controller", "hpnna", "--depth", "2", "--goal", "G1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("runs depth-3 mazes", run.Error);

        var missing = CliRun.InProcess("sim", "run", "--controller", "hpnna", "--l1", "missing.json");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("missing.json: $: cannot read the file", missing.Error);
    }

    [Fact]
    public void Lambda_and_delta_together_are_refused()
    {
        var run = CliRun.InProcess("sim", "run", "--lambda", "3", "--delta", "4");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not both", run.Error);
    }
}
