using System.CommandLine;
using System.Globalization;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Rendering;
using Hpnna.Simulation.Sonars;
using Spectre.Console;

namespace Hpnna.Cli.Commands;

/// <summary><c>hpnna sim run</c>: one episode of a controller in a generated T-maze.</summary>
internal static class SimCommands
{
    public static Command Create() => new("sim", "Run the simulator: a Pioneer 3-DX with its sonar ring in a multiple T-maze.")
    {
        Run(),
    };

    private static Command Run()
    {
        var controller = new Option<string>("--controller") { Description = "hpnna (the interpreters running the shipped programs) or scripted (the plain wall-following sequencer, for comparison).", DefaultValueFactory = _ => "hpnna" };
        controller.AcceptOnlyFromAmong("scripted", "hpnna");
        var goal = new Option<string>("--goal", "-g") { Description = "The goal to reach, G1 (LLL) .. G8 (RRR) at depth 3.", DefaultValueFactory = _ => "G1" };
        var lambda = new Option<double?>("--lambda") { Description = "Maze size as the paper's lambda: corridor time over turning time (default 3)." };
        var delta = new Option<double?>("--delta") { Description = "Maze size as the corridor length in metres (instead of --lambda)." };
        var depth = new Option<int>("--depth") { Description = "Junctions from start to goal: 1, 2 or 3.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seeds every random draw (noise, dropouts).", DefaultValueFactory = _ => 1 };
        var sonarNoise = new Option<double>("--sonar-noise") { Description = "Gaussian sonar range noise, standard deviation in metres.", DefaultValueFactory = _ => 0 };
        var dropout = new Option<double>("--dropout") { Description = "Probability that a ping returns no echo.", DefaultValueFactory = _ => 0 };
        var odometryNoise = new Option<double>("--odometry-noise") { Description = "Relative standard deviation of the speeds odometry integrates.", DefaultValueFactory = _ => 0 };
        var period = new Option<double>("--period") { Description = "Control period in seconds.", DefaultValueFactory = _ => EpisodeSettings.Default.ControlPeriod };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds of simulated time before a time-out.", DefaultValueFactory = _ => EpisodeSettings.Default.TimeLimit };
        var png = new Option<FileInfo?>("--png") { Description = "Draw the maze and the trajectory to this PNG." };
        var trace = new Option<FileInfo?>("--trace") { Description = "Write every tick (poses, command, sonar ranges) to this CSV." };
        var l1 = new Option<string>("--l1") { Description = "The L1 program library (Pr, Pl) for the hpnna controller.", DefaultValueFactory = _ => ShippedPrograms.L1Path };
        var l2 = new Option<string>("--l2") { Description = "The L2 program library (G1..G8) for the hpnna controller.", DefaultValueFactory = _ => ShippedPrograms.L2Path };
        var sonars = SonarsOption();
        var swaps = new Option<string[]>("--swap") { Description = "Swap the goal mid-run, as the command link would: G2@12.5 asks for G2 at 12.5 s of simulated time. Repeatable.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("run", "Run one episode; exit 0 only when the commanded goal (the last swap's, once it landed) is reached (2 when it is not).")
        {
            controller, goal, lambda, delta, depth, seed, sonarNoise, dropout, odometryNoise, sonars, period, timeLimit, png, trace, l1, l2, swaps,
        };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var scale = MazeScale.Default;
            var (lambdaValue, deltaValue) = (parse.GetValue(lambda), parse.GetValue(delta));
            if (lambdaValue is not null && deltaValue is not null)
            {
                throw new UserError("give the maze size as --lambda or as --delta, not both");
            }

            if (lambdaValue is { } l && (!double.IsFinite(l) || l <= 0))
            {
                throw new UserError($"--lambda must be a finite number > 0 (got {l})");
            }

            var corridor = deltaValue ?? scale.DeltaFor(lambdaValue ?? 3.0);
            var maze = TMazeGenerator.Generate(new TMazeSpec(parse.GetValue(depth), corridor, TMazeSpec.DefaultWidth));
            var goalName = parse.GetRequiredValue(goal).ToUpperInvariant();
            TMazeGenerator.TurnsOf(goalName, maze.Spec.Depth);
            var noise = Noise(parse.GetValue(sonarNoise), parse.GetValue(dropout), parse.GetValue(odometryNoise));
            var settings = EpisodeSettings.Default with { ControlPeriod = parse.GetValue(period), TimeLimit = parse.GetValue(timeLimit) };
            var recorded = new EpisodeTrace();
            var controllerName = parse.GetRequiredValue(controller);
            var setup = Sonars(parse.GetRequiredValue(sonars));
            if (controllerName == "scripted" && setup.Pings is not null)
            {
                throw new UserError("--controller scripted follows the Pioneer ring's discs: run it with --sonars ring");
            }

            var schedule = (parse.GetValue(swaps) ?? []).Select(ParseSwap).ToArray();
            if (schedule.Length > 0 && controllerName != "hpnna")
            {
                throw new UserError("--swap changes the goal of the hpnna controller's L2; the scripted controller has none");
            }

            var programs = controllerName == "hpnna" ? ShippedPrograms.Load(parse.GetRequiredValue(l1), parse.GetRequiredValue(l2)) : null;
            IController driver = programs is not null
                ? programs.Controller(maze.Spec.Depth, goalName, settings.ControlPeriod, setup.Layout)
                : MazeEpisode.ScriptedController(maze, goalName, settings);
            foreach (var file in new[] { parse.GetValue(png), parse.GetValue(trace) }.OfType<FileInfo>())
            {
                OutputPaths.EnsureFolderFor(file.FullName);
            }

            var episode = MazeEpisode.Create(maze, driver, goalName, parse.GetValue(seed), settings, noise.Sonar, noise.Odometry, recorded, setup);
            var (result, asked) = driver is HpnnaController hpnna
                ? SwappingEpisode.Run(episode, hpnna.Goals, SwappingEpisode.At([.. schedule.Select(s => (s.Seconds, new PlannedSwap(s.Goal, programs!.Goal(GoalRoutes.Name(s.Goal)).ToArray())))]))
                : (episode.Run(), []);
            var judged = episode.Judge.Goal ?? goalName;
            Report(parse.InvocationConfiguration.Output, maze, goalName, controllerName, parse.GetValue(seed), result, asked, judged);
            Save(parse.GetValue(png), parse.GetValue(trace), maze, judged, result, recorded, parse.InvocationConfiguration.Output, asked);
            return result.Success ? CliApp.Success : CliApp.GoalNotReached;
        }));
        return command;
    }

    /// <summary>A --swap value: G1..G8, '@', seconds of simulated time.</summary>
    private static (int Goal, double Seconds) ParseSwap(string text)
    {
        var at = text.IndexOf('@');
        var goal = at > 0 ? GoalRoutes.Number(text[..at]) : 0;
        if (goal == 0 || !double.TryParse(text[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds < 0)
        {
            throw new UserError($"--swap takes a goal and a time in seconds such as G2@12.5 (got '{text}')");
        }

        return (goal, seconds);
    }

    /// <summary>The --sonars option: which sensors the simulated robot carries.</summary>
    public static Option<string> SonarsOption() => new("--sonars")
    {
        Description = "The robot's sensors: ring (the Pioneer's front sonar ring) or hcsr04 (five HC-SR04 modules every 45 degrees from right to left, fired on their driver's schedule).",
        DefaultValueFactory = _ => "ring",
    };

    /// <summary>The sensors named by --sonars, or the one error line that names the valid ones.</summary>
    public static SonarSetup Sonars(string name) =>
        SonarSetup.Named(name) ?? throw new UserError($"--sonars must be one of {string.Join(", ", SonarSetup.Names)} (got '{name}')");

    private static (SonarNoise Sonar, double Odometry) Noise(double sigma, double dropout, double odometry)
    {
        if (!double.IsFinite(sigma) || sigma is < 0 or > 1)
        {
            throw new UserError($"--sonar-noise must be between 0 and 1 m (got {sigma})");
        }

        if (!double.IsFinite(dropout) || dropout is < 0 or > 1)
        {
            throw new UserError($"--dropout is a probability between 0 and 1 (got {dropout})");
        }

        if (!double.IsFinite(odometry) || odometry is < 0 or > 1)
        {
            throw new UserError($"--odometry-noise must be between 0 and 1 (got {odometry})");
        }

        return (new SonarNoise(sigma, dropout), odometry);
    }

    private static void Report(TextWriter output, TMaze maze, string goal, string controller, int seed, EpisodeResult result, IReadOnlyList<AskedSwap> swaps, string judged)
    {
        var console = ConsoleFactory.For(output);
        var spec = maze.Spec;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"depth-{spec.Depth} T-maze, delta {spec.Delta:F2} m (lambda {MazeScale.Default.LambdaFor(spec.Delta):F2}), corridors {spec.Width:F3} m wide; goal {goal} ({maze.Goal(goal).Turns}); {controller} controller; seed {seed}")));
        foreach (var swap in swaps)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{swap.Time:F2} s, {swap.Route.Junctions} junction(s) passed, turns {swap.Route.Turns}{(swap.Route.Turning || swap.Route.Approaching ? ", turning" : "")}");
            console.MarkupLine(swap.Refusal is null
                ? Markup.Escape($"swap to {GoalRoutes.Name(swap.Swap.Goal)} at {where}: accepted{(swap.Route.Turning || swap.Route.Approaching ? " (lands when the turn is over)" : "")}")
                : $"[yellow]{Markup.Escape($"swap to {GoalRoutes.Name(swap.Swap.Goal)} at {where}: refused: {swap.Refusal}")}[/]");
        }

        var (colour, text) = Outcome(result, judged);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[{colour}]{Markup.Escape(text)}[/] after {result.Time:F2} s, {result.Distance:F2} m, {result.Ticks} ticks"));
    }

    /// <summary>The run's outcome in words (and the colour it is printed in): never the enum's name.</summary>
    private static (string Colour, string Text) Outcome(EpisodeResult result, string goal) => result.Outcome switch
    {
        EpisodeOutcome.GoalReached => ("green", $"reached {result.Goal}"),
        EpisodeOutcome.WrongGoal => ("red", $"wrong goal: reached {result.Goal} instead of {goal}"),
        EpisodeOutcome.Crash => ("red", "crashed into a wall"),
        _ => ("yellow", "timed out"),
    };

    private static void Save(FileInfo? png, FileInfo? trace, TMaze maze, string goal, EpisodeResult result, EpisodeTrace recorded, TextWriter output, IReadOnlyList<AskedSwap> swaps)
    {
        if (trace is not null)
        {
            using var writer = new StreamWriter(trace.FullName);
            recorded.WriteCsv(writer);
            output.WriteLine($"trace: {trace.FullName} ({recorded.Rows.Count} ticks)");
        }

        if (png is not null)
        {
            var poses = recorded.Rows.Select(r => r.Pose).ToList();
            var swapped = string.Concat(swaps.Where(s => s.Refusal is null).Select(s => string.Create(CultureInfo.InvariantCulture, $" after a swap at {s.Time:F1} s")));
            var title = string.Create(CultureInfo.InvariantCulture, $"goal {goal}{swapped}: {Outcome(result, goal).Text} in {result.Time:F1} s");
            MazePicture.SavePng(maze.World, [new Trajectory($"{goal} ({maze.Goal(goal).Turns})", poses)], title, png.FullName);
            output.WriteLine($"picture: {png.FullName}");
        }
    }
}
