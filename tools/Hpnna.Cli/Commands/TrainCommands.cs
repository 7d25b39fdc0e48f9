using System.CommandLine;
using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Programs.Library;
using Hpnna.Simulation.Sonars;
using Hpnna.Training.Evolution;
using Hpnna.Training.Libraries;
using Hpnna.Training.Primitives;
using Hpnna.Training.Robustness;
using Hpnna.Training.Sequencing;

namespace Hpnna.Cli.Commands;

/// <summary><c>hpnna train l1|l2</c>: learn programs by DE and write them into a program library.</summary>
internal static class TrainCommands
{
    public const string DefaultL1Library = "runs/l1-primitives.json";
    public const string DefaultL2Library = "runs/l2-goals.json";

    public static Command Create() => new("train", "Learn programs by differential evolution on the fixed interpreters and save them to a program library.")
    {
        L1(),
        L2(),
    };

    private static Command L1()
    {
        var programs = new Option<string>("--programs") { Description = "Comma-separated primitives to learn: Pr, Pl, Pc.", DefaultValueFactory = _ => "Pr,Pl" };
        var mul = MulOption();
        var output = OutOption(DefaultL1Library);
        var evolution = new EvolutionOptions(defaultGenerations: 60);
        var robust = new RobustOptions();
        var inHierarchy = new InHierarchyOptions(trainsL1: true);
        var sonars = SimCommands.SonarsOption();
        var command = new Command("l1", "Learn L1 motor primitives in the simulator (depth-2 T-maze, nine starts, 30 s trials). Programs already in the library and not named here are kept; the library records the sensors they were learned with.")
        {
            programs, mul, sonars, output,
        };
        robust.AddTo(command);
        inHierarchy.AddTo(command);
        evolution.AddTo(command);
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var kinds = CommaList.Split(parse.GetRequiredValue(programs)).Select(PrimitiveNames.Parse).Distinct().ToList();
            var settings = evolution.Read(parse, stopWhenSolved: false);
            var definition = InterpreterTopologies.L1(parse.GetValue(mul));
            var noise = robust.Read(parse);
            var judged = inHierarchy.Read(parse, noise, settings.Seed);
            var setup = SimCommands.Sonars(parse.GetRequiredValue(sonars));
            var arena = PrimitiveArena.For(setup);
            return TrainInto(parse, parse.GetRequiredValue(output), definition, setup.Layout.Name, (line, library) => kinds.Select(kind =>
            {
                var name = PrimitiveNames.Of(kind);
                var start = robust.Start(parse, settings, library, name, definition.WeightRange);
                var (fitness, guard) = judged(name, library);
                return new TrainingJob(
                    $"{name} ({kind})",
                    settings.MaxGenerations,
                    fitness is null
                        ? (progress, cancel) => ProgramTraining.Primitive(kind, arena, definition, start, noise, line, guard, progress, cancel)
                        : (progress, cancel) => ProgramTraining.InHierarchy(name, fitness, guard!, start, line, progress, cancel));
            }));
        }));
        return command;
    }

    private static Command L2()
    {
        var tasks = new Option<string>("--tasks") { Description = "Comma-separated tasks to learn (T1..T8, G1..G8 or patterns such as lrl), or all.", DefaultValueFactory = _ => "all" };
        var lead = new Option<int>("--lead")
        {
            Description = $"How many L2 steps (0.4 s on the robot) before each turn a code must already choose the junction's primitive for a sequence to count as done right, 1 to {GoalTask.MaxLead}; the paper's task is {SequenceScore.Lead}. More asks for the switch between wall followers earlier in a corridor (in the synthetic sequences; on the robot, measured, G3 learned at 4 did not switch earlier).",
            DefaultValueFactory = _ => SequenceScore.Lead,
        };
        var dataset = new DatasetOptions("three", "single (lambda 3) or three (lambda 2, 3, 4) maze sizes, or comma-separated sizes (such as 2.4,4,5.6) for trigger sequences shaped like a robot's whose corridors last longer than lambda x 5 L2 steps.");
        var mul = MulOption();
        var warmStart = new Option<string>("--warm-start")
        {
            Description = "ideal: for published or precise muls, learn each code on ideal muls first (seconds), then on the chosen muls from there; none: on the chosen muls from random codes. Not with --refine or --in-hierarchy; with --robust-noise both stages score noisy copies, with --maze-guard the guard keeps the second.",
            DefaultValueFactory = _ => "ideal",
        };
        warmStart.AcceptOnlyFromAmong("ideal", "none");
        var idealGenerations = new Option<int?>("--ideal-generations")
        {
            Description = "Most generations of each stage on ideal muls under --warm-start ideal (default: --generations); they cost a fifth as much, and codes that hold a choice through two junctions under --robust-redraw need several hundred.",
        };
        var output = OutOption(DefaultL2Library);
        var evolution = new EvolutionOptions(defaultGenerations: 2000, sequencing: true);
        var robust = new RobustOptions();
        var inHierarchy = new InHierarchyOptions(trainsL1: false);
        var command = new Command("l2", "Learn L2 goal codes (one per task) on the synthetic trigger datasets. Programs already in the library and not named here are kept.")
        {
            tasks, lead,
        };
        dataset.AddTo(command);
        command.Options.Add(mul);
        command.Options.Add(warmStart);
        command.Options.Add(idealGenerations);
        command.Options.Add(output);
        robust.AddTo(command);
        inHierarchy.AddTo(command);
        evolution.AddTo(command);
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var taskText = parse.GetRequiredValue(tasks);
            var leadSteps = parse.GetValue(lead);
            if (leadSteps is < 1 or > GoalTask.MaxLead)
            {
                throw new UserError($"--lead must be between 1 and {GoalTask.MaxLead} L2 steps (got {leadSteps})");
            }

            var chosen = (taskText == "all" ? GoalTask.All : [.. CommaList.Split(taskText).Select(GoalTask.Parse).Distinct()]).Select(t => t with { Lead = leadSteps }).ToList();
            var settings = evolution.Read(parse, stopWhenSolved: true);
            var warmGenerations = parse.GetValue(idealGenerations) ?? settings.MaxGenerations;
            if (warmGenerations < 1)
            {
                throw new UserError($"--ideal-generations must be at least 1 (got {warmGenerations})");
            }

            var definition = InterpreterTopologies.L2(parse.GetValue(mul));
            var data = dataset.Read(parse);
            var noise = robust.Read(parse);
            var judged = inHierarchy.Read(parse, noise, settings.Seed);
            return TrainInto(parse, parse.GetRequiredValue(output), definition, sensors: null, (line, library) => chosen.Select(task =>
            {
                var start = robust.Start(parse, settings, library, task.Goal, definition.WeightRange);
                var (fitness, guard) = judged(task.Goal, library);
                var viaIdeal = fitness is null && start.InitialMembers is null && definition.Mul != MulKind.Ideal && parse.GetValue(warmStart) == "ideal";
                return new TrainingJob(
                    $"{task.Goal} {task}",
                    viaIdeal ? ProgramTraining.GoalViaIdealGenerations(settings.MaxGenerations, warmGenerations, noise) : settings.MaxGenerations,
                    viaIdeal
                        ? (progress, cancel) => ProgramTraining.GoalViaIdeal(task, data, definition, start, warmGenerations, noise, line, guard, progress, cancel)
                        : fitness is null
                        ? (progress, cancel) => ProgramTraining.Goal(task, data, definition, start, noise, line, guard, progress, cancel)
                        : (progress, cancel) => ProgramTraining.InHierarchy(task.Goal, fitness, guard!, start, line, progress, cancel));
            }));
        }));
        return command;
    }

    private static Option<MulKind> MulOption() => new("--mul") { Description = "The mul kind of the interpreter to learn for.", DefaultValueFactory = _ => MulKind.Published };

    private static Option<string> OutOption(string defaultPath) => new("--out", "-o") { Description = "The program library to write (created, or updated in place). The shipped libraries in firmware-config/programs change only when named here.", DefaultValueFactory = _ => defaultPath };

    private static string CommandLine(ParseResult parse) => "hpnna " + string.Join(' ', parse.Tokens.Select(t => t.Value));

    /// <summary>
    /// Runs the jobs (each given the command line to record and the library as it was, to refine from) and
    /// saves what they learned into the library at <paramref name="path"/>, created if missing; an existing
    /// library must be for the same interpreter, and for programs that read sensors (<paramref name="sensors"/>,
    /// a layout's name) for the same sensors, checked before any training starts. Exit 0 only when every
    /// program solved its task.
    /// </summary>
    private static int TrainInto(ParseResult parse, string path, LayerDefinition definition, string? sensors, Func<string, ProgramLibrary, IEnumerable<TrainingJob>> jobs)
    {
        var output = parse.InvocationConfiguration.Output;
        var library = File.Exists(path) ? ProgramLibrary.Load(path, definition) : new ProgramLibrary(definition, [], sensors);
        if (sensors is not null)
        {
            // A library from before layouts were recorded was trained on the ring.
            var recorded = SonarSetup.ForLayout(library.Sensors).Layout.Name;
            if (recorded != sensors)
            {
                throw new UserError($"{path} holds programs learned with the sensor layout '{recorded}', not '{sensors}': write these to another library with --out");
            }

            library = new ProgramLibrary(library.Interpreter, library.Programs, sensors);
        }

        OutputPaths.EnsureFolderFor(path); // a library that could not be written is said before minutes of training, not after
        var trained = TrainingProgress.Run(output, [.. jobs(CommandLine(parse), library)]);
        foreach (var t in trained)
        {
            library = library.With(t.Program);
        }

        library.Save(path);
        output.WriteLine($"library: {Path.GetFullPath(path)} ({string.Join(", ", library.Programs.Select(p => p.Name))})");
        return trained.All(t => t.Program.Trained!.Solved) ? CliApp.Success : CliApp.GoalNotReached;
    }
}
