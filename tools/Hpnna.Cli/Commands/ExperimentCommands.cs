using System.CommandLine;
using System.Globalization;
using Hpnna.Core.Interpreters;
using Hpnna.Core.Muls;
using Hpnna.Core.Transitions;
using Hpnna.Robot.Control;
using Hpnna.Training.Evolution;
using Hpnna.Training.Experiments.Chaining;
using Hpnna.Training.Experiments.Incremental;
using Hpnna.Training.Experiments.Maze;
using Hpnna.Training.Experiments.ProgramsVsDynamics;
using Hpnna.Training.Experiments.Rerouting;

namespace Hpnna.Cli.Commands;

/// <summary><c>hpnna experiment ...</c>: the paper's experiments, each writing a Markdown report with its pictures.</summary>
internal static class ExperimentCommands
{
    public static Command Create() => new("experiment", "Reproduce the paper's experiments; each writes README.md and PNG plots into a folder.")
    {
        ProgramsVsDynamics(),
        Maze(),
        Incremental(),
        Chaining(),
        Rerouting(),
    };

    private static Command Rerouting()
    {
        var output = OutOption("runs/rerouting");
        var lambdas = new Option<string>("--lambdas") { Description = "Comma-separated maze sizes lambda.", DefaultValueFactory = _ => "2,3,4" };
        var noise = new Option<string>("--noise") { Description = "Comma-separated code noise levels k in percent; 0 runs noise-free.", DefaultValueFactory = _ => "0,10" };
        var swaps = new Option<int>("--noise-free-swaps") { Description = "Swaps per (old goal, new goal, segment) without noise, spread evenly over the segment.", DefaultValueFactory = _ => 3 };
        var trials = new Option<int>("--trials") { Description = "Trials per (old goal, new goal, segment) with noise, each at its own time in the segment.", DefaultValueFactory = _ => 20 };
        var prepSteps = new Option<int>("--prep-steps") { Description = "L2 steps of the goal phase.", DefaultValueFactory = _ => ControllerDefaults.GoalPhase.Steps };
        var prepGain = new Option<double>("--prep-gain") { Description = "Fraction of the way to the new goal's state per step of the goal phase, in (0, 1].", DefaultValueFactory = _ => ControllerDefaults.GoalPhase.Gain };
        var seed = SeedOption();
        var threads = ThreadsOption();
        var command = new Command("rerouting", "Goals swapped mid-run: every reachable (old, new) pair in every corridor and turn, with and without L2's goal phase.")
        {
            output, lambdas, noise, swaps, trials, prepSteps, prepGain, seed, threads,
        };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var settings = new ReroutingSettings
            {
                Lambdas = CommaList.Numbers(parse.GetRequiredValue(lambdas), "--lambdas"),
                NoiseLevels = [.. CommaList.Numbers(parse.GetRequiredValue(noise), "--noise").Select(k => k / 100)],
                NoiseFreeSwaps = parse.GetValue(swaps),
                Trials = parse.GetValue(trials),
                Phase = new PreparatoryPhase(parse.GetValue(prepSteps), parse.GetValue(prepGain)),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
            };
            Check(settings.Validate());
            var programs = ShippedPrograms.Load(ShippedPrograms.L1Path, ShippedPrograms.L2Path);
            return Report(parse, "swaps", (progress, cancel) => ReroutingExperiment.Run(programs, settings, progress, cancel),
                result => ReroutingReport.Write(result, parse.GetRequiredValue(output), CommandLine(parse)));
        }));
        return command;
    }

    private static Command Chaining()
    {
        var output = OutOption("runs/chaining");
        var generations = new Option<int>("--generations") { Description = "DE generations per motif.", DefaultValueFactory = _ => 3000 };
        var randomStarts = new Option<int>("--random-starts") { Description = "Random initial states of the random-starts baseline's training.", DefaultValueFactory = _ => 4 };
        var chains = new Option<int>("--chains") { Description = "Random chains played per regime.", DefaultValueFactory = _ => 50 };
        var chainLength = new Option<int>("--chain-length") { Description = "Motifs per random chain.", DefaultValueFactory = _ => 6 };
        var prepSteps = new Option<int>("--prep-steps") { Description = "Slow steps of the preparatory phase.", DefaultValueFactory = _ => PreparatoryPhase.Default.Steps };
        var mazeTrials = new Option<int>("--maze-trials") { Description = "Maze trials per goal and noise level for the robot's own Pr/Pl chaining, with and without the phase (0 skips).", DefaultValueFactory = _ => 20 };
        var prepGain = new Option<double>("--prep-gain") { Description = "Fraction of the way to the initial state per preparatory step, in (0, 1].", DefaultValueFactory = _ => PreparatoryPhase.Default.Gain };
        var seed = SeedOption();
        var threads = ThreadsOption();
        var command = new Command("chaining", "Motif transitions: six motifs learned one at a time on a fixed interpreter, chained zero-shot from a fixed start, after training from random initial states, through a preparatory phase, and through it toward initial states learned with each program.")
        {
            output, generations, randomStarts, chains, chainLength, prepSteps, prepGain, mazeTrials, seed, threads,
        };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var settings = new ChainingSettings
            {
                Generations = parse.GetValue(generations),
                RandomStarts = parse.GetValue(randomStarts),
                Chains = parse.GetValue(chains),
                ChainLength = parse.GetValue(chainLength),
                Phase = new PreparatoryPhase(parse.GetValue(prepSteps), parse.GetValue(prepGain)),
                MazeTrials = parse.GetValue(mazeTrials),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
            };
            Check(settings.Validate());
            var programs = ShippedPrograms.Load(ShippedPrograms.L1Path, ShippedPrograms.L2Path);
            return Report(parse, "learning motifs, then maze trials", (progress, cancel) => ChainingExperiment.Run(settings, programs, progress, cancel),
                result => ChainingReport.Write(result, parse.GetRequiredValue(output), CommandLine(parse)));
        }));
        return command;
    }

    private static Command Incremental()
    {
        var output = OutOption("runs/incremental");
        var generations = new Option<int>("--generations") { Description = "DE generations per primitive.", DefaultValueFactory = _ => 100 };
        var seed = SeedOption();
        var threads = ThreadsOption();
        var command = new Command("incremental", "Experiment 3: learn Pr, then Pl, then Pc on one fixed L1 interpreter and show that earlier programs' behaviour stays bit-identical.")
        {
            output, generations, seed, threads,
        };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var settings = new DeSettings { MaxGenerations = parse.GetValue(generations), Seed = parse.GetValue(seed), Threads = parse.GetValue(threads), StopWhenSolved = false };
            settings.EnsureValid();
            var directory = parse.GetRequiredValue(output);
            var line = CommandLine(parse);
            return Report(parse, "learning Pr, Pl, Pc", (progress, cancel) => IncrementalExperiment.Run(InterpreterTopologies.L1(), settings, Path.Combine(directory, "l1-incremental.json"), line, progress, cancel),
                result =>
                {
                    var path = IncrementalReport.Write(result, directory, line);
                    return result.EarlierProgramsUnchanged ? path : throw new UserError($"earlier programs changed behaviour; see {path}");
                });
        }));
        return command;
    }

    private static Command ProgramsVsDynamics()
    {
        var output = OutOption("runs/programs-vs-dynamics");
        var runs = new Option<int>("--runs") { Description = "Independent learning runs per architecture and dataset.", DefaultValueFactory = _ => 20 };
        var generations = new Option<int>("--generations") { Description = "Most DE generations of a run (per task for HPNNA, for the NOA's one run of all tasks).", DefaultValueFactory = _ => 1000 };
        var strategy = EvolutionOptions.StrategyOption("best", "Both architectures' DE: rand (DE/rand/1/bin, the paper's) or best (DE/best/1/bin).");
        var restartAfter = EvolutionOptions.RestartAfterOption(100, "Both architectures' DE restarts from a fresh random population after this many generations without progress; 0 = never (the paper's).");
        var datasets = new Option<string>("--datasets") { Description = "Comma-separated trigger datasets: single, three.", DefaultValueFactory = _ => "single,three" };
        var mul = new Option<MulKind>("--mul") { Description = "The mul kind of HPNNA's L2 interpreter.", DefaultValueFactory = _ => MulKind.Ideal };
        var l2Neurons = new Option<int>("--l2-neurons") { Description = "The slow neurons of HPNNA's L2 interpreter (the robot's by default); the NOA is sized to about as many parameters as its eight goal codes.", DefaultValueFactory = _ => InterpreterTopologies.L2Neurons };
        var seed = SeedOption();
        var threads = ThreadsOption();
        var command = new Command("programs-vs-dynamics", "Experiment 1: HPNNA (one code per task on a fixed L2) against the NOA (all weights of one network) on the trigger datasets, with generalisation to unseen maze sizes.")
        {
            output, runs, generations, strategy, restartAfter, datasets, mul, l2Neurons, seed, threads,
        };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var settings = new ProgramsVsDynamicsSettings
            {
                Runs = parse.GetValue(runs),
                Generations = parse.GetValue(generations),
                Strategy = EvolutionOptions.StrategyFrom(parse.GetRequiredValue(strategy)),
                RestartAfter = parse.GetValue(restartAfter),
                Datasets = CommaList.Split(parse.GetRequiredValue(datasets)),
                Mul = parse.GetValue(mul),
                L2Neurons = parse.GetValue(l2Neurons),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
            };
            Check(settings.Validate());
            return Report(parse, "learning runs", (progress, cancel) => ProgramsVsDynamicsExperiment.Run(settings, progress, cancel),
                result => ProgramsVsDynamicsReport.Write(result, parse.GetRequiredValue(output), CommandLine(parse)));
        }));
        return command;
    }

    private static Command Maze()
    {
        var output = OutOption("runs/maze");
        var trials = new Option<int>("--trials") { Description = "Trials per (maze size, goal, noise level).", DefaultValueFactory = _ => 50 };
        var lambdas = new Option<string>("--lambdas") { Description = "Comma-separated maze sizes lambda.", DefaultValueFactory = _ => "2,3,4" };
        var noise = new Option<string>("--noise") { Description = "Comma-separated code noise levels k in percent (relative standard deviation of every code value).", DefaultValueFactory = _ => "0,10,15,20" };
        var noiseOn = new Option<NoiseTarget>("--noise-on") { Description = "Which programs get the code noise: All, L1 (Pr, Pl) or L2 (the goal code).", DefaultValueFactory = _ => NoiseTarget.All };
        var l2Modules = new Option<int>("--l2-modules") { Description = "L2's voting modules, each fed the goal code on its own lines (perturbed independently); 1 runs a single L2.", DefaultValueFactory = _ => InterpreterTopologies.L2Modules };
        var l1Modules = new Option<int>("--l1-modules") { Description = "L1's voting modules, each fed Pr and Pl on its own lines (perturbed independently); 1 runs a single L1.", DefaultValueFactory = _ => InterpreterTopologies.L1Modules };
        var sonarNoise = new Option<double>("--sonar-noise") { Description = "Sonar range noise of every trial, standard deviation in metres.", DefaultValueFactory = _ => 0.02 };
        var sonars = SimCommands.SonarsOption();
        var seed = SeedOption();
        var threads = ThreadsOption();
        var l1 = new Option<string>("--l1") { Description = "The L1 program library (Pr, Pl).", DefaultValueFactory = _ => ShippedPrograms.L1Path };
        var l2 = new Option<string>("--l2") { Description = "The L2 program library (G1..G8).", DefaultValueFactory = _ => ShippedPrograms.L2Path };
        var command = new Command("maze", "Experiment 2: the whole hierarchy in depth-3 mazes for every goal, maze size and program noise level.")
        {
            output, trials, lambdas, noise, noiseOn, l1Modules, l2Modules, sonarNoise, sonars, seed, threads, l1, l2,
        };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var settings = new MazeExperimentSettings
            {
                Trials = parse.GetValue(trials),
                Lambdas = CommaList.Numbers(parse.GetRequiredValue(lambdas), "--lambdas"),
                NoiseLevels = [.. CommaList.Numbers(parse.GetRequiredValue(noise), "--noise").Select(k => k / 100)],
                SonarSigma = parse.GetValue(sonarNoise),
                Sonars = SimCommands.Sonars(parse.GetRequiredValue(sonars)),
                NoiseOn = parse.GetValue(noiseOn),
                L1Modules = parse.GetValue(l1Modules),
                L2Modules = parse.GetValue(l2Modules),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
            };
            Check(settings.Validate());
            var programs = ShippedPrograms.Load(parse.GetRequiredValue(l1), parse.GetRequiredValue(l2));
            return Report(parse, "maze trials", (progress, cancel) => MazeExperiment.Run(programs.L1, programs.L2, settings, progress, cancel),
                result => MazeReport.Write(result, parse.GetRequiredValue(output), CommandLine(parse), $"{parse.GetRequiredValue(l1)} and {parse.GetRequiredValue(l2)}"));
        }));
        return command;
    }

    private static void Check(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new UserError(string.Join("; ", problems));
        }
    }

    /// <summary>Runs an experiment under a progress bar and writes its report; Ctrl+C stops it without a report.</summary>
    private static int Report<T>(ParseResult parse, string label, Func<Action<int, int>, CancellationToken, T> run, Func<T, string> write)
        where T : class
    {
        OutputPaths.EnsureFolder(parse.GetRequiredValue<string>("--out")); // before the run, not after it
        var result = ExperimentProgress.Run(parse.InvocationConfiguration.Output, label, run);
        if (result is null)
        {
            parse.InvocationConfiguration.Error.WriteLine("stopped by Ctrl+C: no report written");
            return CliApp.Failure;
        }

        parse.InvocationConfiguration.Output.WriteLine($"report: {Path.GetFullPath(write(result))}");
        return CliApp.Success;
    }

    private static Option<string> OutOption(string defaultPath) => new("--out", "-o") { Description = "The folder to write the report (README.md) and its pictures into. The committed reports in docs/results change only when named here.", DefaultValueFactory = _ => defaultPath };

    private static Option<int> SeedOption() => new("--seed") { Description = "Seeds every random draw; the same seed gives the same report on any number of threads.", DefaultValueFactory = _ => 1 };

    private static Option<int> ThreadsOption() => new("--threads") { Description = "Worker threads (0 = one per core).", DefaultValueFactory = _ => 0 };

    /// <summary>The command as typed, for the report's header; paths are kept as given so the line works from the repository root.</summary>
    private static string CommandLine(ParseResult parse) => "dotnet run -c Release --project tools/Hpnna.Cli -- " + string.Join(' ', parse.Tokens.Select(t => t.Value));
}
