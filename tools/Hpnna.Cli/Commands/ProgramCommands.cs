using System.CommandLine;
using System.Globalization;
using Hpnna.Core.Description;
using Hpnna.Core.Interpreters;
using Hpnna.Programs.Library;
using Hpnna.Simulation.Sonars;
using Hpnna.Training.Robustness;
using Hpnna.Training.Sequencing;

namespace Hpnna.Cli.Commands;

/// <summary><c>hpnna program validate|show|diff|copy|noise</c>: program library files for people.</summary>
internal static class ProgramCommands
{
    public static Command Create() => new("program", "Inspect program library files (hpnna-programs/1).")
    {
        Validate(),
        Show(),
        Diff(),
        Copy(),
        Noise(),
    };

    private static Command Validate()
    {
        var files = new Argument<string[]>("FILE") { Description = "Library files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check libraries (format, checksum, interpreter, code lengths and ranges, names); exit 1 at the first bad one.") { files };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            foreach (var file in parse.GetRequiredValue(files))
            {
                var library = ProgramLibrary.Load(file);
                parse.InvocationConfiguration.Output.WriteLine($"{file}: ok, {library.Programs.Count} programs for {library.Interpreter.Name} ({string.Join(", ", library.Programs.Select(p => p.Name))})");
            }

            return CliApp.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var file = new Argument<string>("FILE") { Description = "The library to print." };
        var codes = new Option<bool>("--codes") { Description = "Also print every code value." };
        var command = new Command("show", "Print a library: its interpreter and, per program, how it was trained and its fitness.") { file, codes };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var library = ProgramLibrary.Load(parse.GetRequiredValue(file));
            var layer = library.Interpreter;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"interpreter {layer.Name}: {layer.NeuronCount} neurons, {layer.InputCount} inputs, code length {layer.CodeLength}, {NetworkDescription.MulName(layer.Mul)} muls, step {layer.Step} s"));
            foreach (var program in library.Programs)
            {
                var trained = program.Trained is { } t
                    ? string.Create(CultureInfo.InvariantCulture, $"{t.Method} on {t.Task}, seed {t.Seed}, {t.Generations} generations, fitness {t.Fitness:0.0000}{(t.Solved ? ", solved" : "")}, {t.Date}")
                    : "no training record";
                output.WriteLine($"  {program.Name,-4} {trained}");
                if (parse.GetValue(codes))
                {
                    output.WriteLine("       " + string.Join(" ", program.Code.Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture))));
                }
            }

            return CliApp.Success;
        }));
        return command;
    }

    private static Command Diff()
    {
        var left = new Argument<string>("OLD") { Description = "The library before." };
        var right = new Argument<string>("NEW") { Description = "The library after." };
        var command = new Command("diff", "Compare two libraries program by program: added, removed, changed (largest code change), same. Exit 0 when identical, 2 when they differ.") { left, right };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var before = ProgramLibrary.Load(parse.GetRequiredValue(left));
            var after = ProgramLibrary.Load(parse.GetRequiredValue(right));
            var differs = Describe(before) != Describe(after);
            if (differs)
            {
                output.WriteLine($"interpreter differs ({before.Interpreter.Name} vs {after.Interpreter.Name}): codes are not comparable across interpreters");
            }

            foreach (var name in before.Programs.Select(p => p.Name).Union(after.Programs.Select(p => p.Name)).Order(StringComparer.Ordinal))
            {
                var (a, b) = (before.Contains(name) ? before[name] : null, after.Contains(name) ? after[name] : null);
                string line;
                if (a is null || b is null)
                {
                    line = a is null ? "added" : "removed";
                }
                else if (a.Code.Length != b.Code.Length)
                {
                    line = $"changed: code length {a.Code.Length} -> {b.Code.Length}";
                }
                else
                {
                    var largest = a.Code.Zip(b.Code, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();
                    line = largest == 0 ? "same" : string.Create(CultureInfo.InvariantCulture, $"changed: largest code change {largest:0.0000}");
                }

                differs |= line != "same";
                output.WriteLine($"  {name,-4} {line}");
            }

            return differs ? CliApp.GoalNotReached : CliApp.Success;
        }));
        return command;
    }

    /// <summary>
    /// Assembles a library from the best of several training runs: each named program, with its training
    /// record (and so the command that reproduces it), replaces or joins the program of that name in INTO.
    /// </summary>
    private static Command Copy()
    {
        var from = new Argument<string>("FROM") { Description = "The library to take the programs from." };
        var into = new Argument<string>("INTO") { Description = "The library to put them in (updated in place; same interpreter)." };
        var names = new Option<string>("--programs") { Description = "Comma-separated names of the programs to copy.", Required = true };
        var command = new Command("copy", "Copy programs, with their training records, from one library into another for the same interpreter.") { from, into, names };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var source = ProgramLibrary.Load(parse.GetRequiredValue(from));
            var path = parse.GetRequiredValue(into);
            var target = ProgramLibrary.Load(path);
            if (Describe(source) != Describe(target))
            {
                throw new UserError($"{path} is for another interpreter than {parse.GetRequiredValue(from)} ({target.Interpreter.Name} vs {source.Interpreter.Name}): codes are not comparable across interpreters");
            }

            if (SonarSetup.ForLayout(source.Sensors) != SonarSetup.ForLayout(target.Sensors))
            {
                throw new UserError($"{path} holds programs learned with the sensor layout '{SonarSetup.ForLayout(target.Sensors).Layout.Name}', {parse.GetRequiredValue(from)} with '{SonarSetup.ForLayout(source.Sensors).Layout.Name}': programs that read sensors run only on the layout they were learned with");
            }

            var chosen = CommaList.Split(parse.GetRequiredValue(names));
            var missing = chosen.Where(n => !source.Contains(n)).ToList();
            if (chosen.Length == 0 || missing.Count > 0)
            {
                throw new UserError($"--programs must name programs of {parse.GetRequiredValue(from)} ({string.Join(", ", source.Programs.Select(p => p.Name))}); {(chosen.Length == 0 ? "it names none" : $"it has no {string.Join(", ", missing)}")}");
            }

            foreach (var name in chosen)
            {
                target = target.With(source[name]);
            }

            target.Save(path);
            parse.InvocationConfiguration.Output.WriteLine($"{path}: {string.Join(", ", chosen)} copied ({string.Join(", ", target.Programs.Select(p => p.Name))})");
            return CliApp.Success;
        }));
        return command;
    }

    private static string Describe(ProgramLibrary library) => NetworkDescription.WithNeutralCode(library.Interpreter).ToJson();

    /// <summary>Goal codes under fresh code noise on their own task: what a robust run's own copies cannot show.</summary>
    private static Command Noise()
    {
        var file = new Argument<string>("FILE") { Description = "An L2 goal-code library." };
        var levels = new Option<string>("--noise") { Description = "Comma-separated code noise levels, in percent (relative standard deviation of every value).", DefaultValueFactory = _ => "10,15" };
        var copies = new Option<int>("--copies") { Description = "Noisy copies of each code per level.", DefaultValueFactory = _ => 200 };
        var dataset = new DatasetOptions("2.4,4,5.6", "The trigger sequences: single, three or comma-separated maze sizes, as for train l2.", defaultPulses: "6");
        var seed = new Option<int>("--seed") { Description = "Seeds the sequences and the copies; choose one other than the training run's to check on sequences it never saw.", DefaultValueFactory = _ => 7 };
        var modules = new Option<int>("--modules") { Description = "L2's voting modules, each fed its own noisy copy of the code (the robot's by default); 1 checks a single L2.", DefaultValueFactory = _ => InterpreterTopologies.L2Modules };
        var command = new Command("noise", "For every goal code of an L2 library: the share of noisy copies that do every trigger sequence right, and of sequences done right, at each noise level.") { file, levels, copies };
        dataset.AddTo(command);
        command.Options.Add(seed);
        command.Options.Add(modules);
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var library = ProgramLibrary.Load(parse.GetRequiredValue(file));
            var goals = library.Programs.Where(p => p.Name is ['G', >= '1' and <= '8']).ToList();
            if (goals.Count == 0)
            {
                throw new UserError($"{parse.GetRequiredValue(file)} has no goal codes (G1..G8): the noise check runs an L2 library's codes on trigger sequences; for L1 use experiment maze --noise-on L1");
            }

            var percents = CommaList.Numbers(parse.GetRequiredValue(levels), "--noise");
            if (percents.Length == 0 || percents.Any(k => !(k >= 0 && k <= 100)))
            {
                throw new UserError($"--noise must be levels between 0 and 100 percent (got '{parse.GetRequiredValue(levels)}')");
            }

            var count = parse.GetValue(copies);
            if (count < 1)
            {
                throw new UserError($"--copies must be at least 1 (got {count})");
            }

            var voters = parse.GetValue(modules);
            if (!ModuleVote.IsModuleCount(voters))
            {
                throw new UserError($"--modules must be odd, from 1 to {ModuleVote.MaxModules} (got {voters})");
            }

            var data = dataset.Read(parse, parse.GetValue(seed));
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} noisy copies a code and level, seed {parse.GetValue(seed)}, on {data.Name}, {data.Sequences.Count} trigger sequences, {(voters == 1 ? "one L2 module" : $"{voters} voting L2 modules, each perturbed on its own")}: copies that do every sequence right (sequences right)"));
            // Every (goal, level) cell is seeded on its own, so measuring them in parallel gives the same table.
            var tasks = goals.Select(g => GoalTask.Parse(g.Name)).ToArray();
            var rows = ExperimentProgress.Run(output, $"{goals.Count} goals x {percents.Length} levels", (progress, cancel) =>
            {
                var cells = new string[goals.Count, percents.Length];
                var done = 0;
                Parallel.For(0, goals.Count * percents.Length, new ParallelOptions { CancellationToken = cancel }, i =>
                {
                    var (g, l) = (i / percents.Length, i % percents.Length);
                    var r = GoalNoiseCheck.Measure(tasks[g], goals[g].Code, library.Interpreter, data, percents[l] / 100, count, parse.GetValue(seed), voters);
                    cells[g, l] = string.Create(CultureInfo.InvariantCulture, $"{100 * r.CopyRate:0.0}% ({100 * r.SequenceRate:0.0}%)");
                    progress(Interlocked.Increment(ref done), goals.Count * percents.Length);
                });
                return goals.Select((goal, g) => $"| {goal.Name} {tasks[g].Pattern} | {string.Join(" | ", Enumerable.Range(0, percents.Length).Select(l => cells[g, l]))} |").ToArray();
            });
            if (rows is null)
            {
                parse.InvocationConfiguration.Error.WriteLine("stopped by Ctrl+C");
                return CliApp.Failure;
            }

            output.WriteLine("| goal | " + string.Join(" | ", percents.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k:0.#}%"))) + " |");
            output.WriteLine("|---|" + string.Concat(percents.Select(_ => "---|")));
            foreach (var row in rows)
            {
                output.WriteLine(row);
            }

            return CliApp.Success;
        }));
        return command;
    }
}
