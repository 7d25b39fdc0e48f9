using System.CommandLine;
using System.Globalization;
using Hpnna.Cli.Csv;
using Hpnna.Core.Description;
using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Spectre.Console;

namespace Hpnna.Cli.Commands;

/// <summary><c>hpnna net ...</c>: describe and simulate activity-form CTRNNs.</summary>
internal static class NetCommands
{
    public const int MaxSteps = 10_000_000;
    private const int DefaultSteps = 100;

    public static Command Create() => new("net", "Describe and simulate CTRNN networks (programmable layers).")
    {
        Simulate(),
        Example(),
    };

    private static Command Simulate()
    {
        var network = new Argument<FileInfo>("NETWORK.json") { Description = "A network description (hpnna-network/1)." };
        var steps = new Option<int?>("--steps", "-n") { Description = $"Steps to run (default: the rows of --inputs, else {DefaultSteps})." };
        var inputs = new Option<FileInfo?>("--inputs") { Description = "CSV of inputs, one row per step, one column per input (default: all inputs 0)." };
        var code = new Option<FileInfo?>("--code") { Description = "A code file (hpnna-code/1) to load instead of the description's own code." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write every neuron's activity at every step to this CSV (row 0 is the initial state)." };
        var order = new Option<string?>("--update-order") { Description = "Override the description's update order: simultaneous (the authors' toolbox) or fast-first (the robot's interpreters)." };
        order.AcceptOnlyFromAmong([.. NetworkDescription.UpdateOrderNamesList]);
        var compare = new Option<FileInfo?>("--compare") { Description = "A reference trajectory (rows of step,activities... as --out writes them, # for notes): print the largest difference; exit 2 when it exceeds --tolerance." };
        var tolerance = new Option<double>("--tolerance") { Description = "The largest difference --compare accepts.", DefaultValueFactory = _ => 1e-9 };
        var command = new Command("simulate", "Run a network for n steps with a given input sequence.") { network, steps, inputs, code, output, order, compare, tolerance };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () => RunSimulate(
            parse.InvocationConfiguration.Output,
            parse.GetRequiredValue(network),
            new SimulateOptions(parse.GetValue(steps), parse.GetValue(inputs), parse.GetValue(code), parse.GetValue(output), parse.GetValue(order), parse.GetValue(compare), parse.GetValue(tolerance)))));
        return command;
    }

    private static Command Example()
    {
        var which = new Argument<string>("LAYER") { Description = "l1 (motor primitives) or l2 (goal sequencing)." };
        which.AcceptOnlyFromAmong("l1", "l2");
        var mul = new Option<MulKind>("--mul") { Description = "The mul kind.", DefaultValueFactory = _ => MulKind.Published };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the description here instead of to the console." };
        var command = new Command("example", "Print the default L1 or L2 interpreter as a network description, with a neutral code.") { which, mul, output };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var kind = parse.GetValue(mul);
            var definition = parse.GetRequiredValue(which) == "l1" ? InterpreterTopologies.L1(kind) : InterpreterTopologies.L2(kind);
            var json = NetworkDescription.WithNeutralCode(definition).ToJson();
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, json + Environment.NewLine);
                parse.InvocationConfiguration.Output.WriteLine($"wrote {definition.Name} ({definition.CodeLength}-value code) to {file.FullName}");
            }
            else
            {
                parse.InvocationConfiguration.Output.WriteLine(json);
            }

            return CliApp.Success;
        }));
        return command;
    }

    private sealed record SimulateOptions(int? Steps, FileInfo? Inputs, FileInfo? Code, FileInfo? Out, string? UpdateOrder, FileInfo? Compare, double Tolerance);

    private static int RunSimulate(TextWriter output, FileInfo networkFile, SimulateOptions options)
    {
        var (steps, inputsFile, codeFile, outFile) = (options.Steps, options.Inputs, options.Code, options.Out);
        if (!double.IsFinite(options.Tolerance) || options.Tolerance < 0)
        {
            throw new UserError($"--tolerance must be a finite number >= 0 (got {options.Tolerance.ToString(CultureInfo.InvariantCulture)})");
        }

        var description = NetworkDescription.Parse(ReadText(networkFile), networkFile.Name);
        if (options.UpdateOrder is { } orderName && NetworkDescription.TryParseUpdateOrder(orderName, out var order))
        {
            description = description with { Definition = description.Definition with { UpdateOrder = order } };
        }

        var definition = description.Definition;
        var layer = description.CreateLayer();
        if (codeFile is not null)
        {
            layer.SetCode(CodeFile.Parse(ReadText(codeFile), codeFile.Name, definition));
        }

        var sequence = inputsFile is null
            ? InputSequence.Constant(new double[definition.InputCount])
            : InputSequence.FromRows(InputsCsv.Parse(ReadText(inputsFile), inputsFile.Name, definition), definition.InputCount);
        var stepCount = steps ?? (inputsFile is null ? DefaultSteps : sequence.Length);
        if (stepCount is < 1 or > MaxSteps)
        {
            throw new UserError($"--steps must be between 1 and {MaxSteps:N0} (got {stepCount})");
        }

        if (stepCount > sequence.Length)
        {
            throw new UserError($"--steps {stepCount} needs {stepCount} rows of inputs, but {inputsFile!.Name} has {sequence.Length}");
        }

        var reference = options.Compare is { } compareFile
            ? ReferenceCsv.Parse(ReadText(compareFile), compareFile.Name, layer.TotalNeuronCount, stepCount)
            : null;
        var console = ConsoleFactory.For(output);
        console.MarkupLine(Markup.Escape(Summary(definition, layer, stepCount, inputsFile)));
        if (reference is not null)
        {
            return Compare(output, layer, sequence, stepCount, reference, options.Compare!.Name, options.Tolerance);
        }

        if (outFile is null)
        {
            ShowTable(console, layer, sequence, stepCount);
            console.MarkupLine("[grey]Every neuron at every step: add --out TRAJECTORY.csv[/]");
            return CliApp.Success;
        }

        WriteTrajectory(outFile, layer, sequence, stepCount);
        console.MarkupLine(Markup.Escape($"wrote {stepCount + 1} rows x {layer.TotalNeuronCount + 2} columns to {outFile.FullName}"));
        console.MarkupLine(Markup.Escape("final state: " + string.Join(", ", Enumerable.Range(0, layer.NeuronCount).Select(i => $"{definition.NeuronName(i)} = {layer.State[i]:F4}"))));
        return CliApp.Success;
    }

    /// <summary>Runs the layer and reports its largest difference from the reference over the steps the reference lists.</summary>
    private static int Compare(TextWriter output, ProgrammableLayer layer, InputSequence sequence, int steps, SortedDictionary<int, double[]> reference, string origin, double tolerance)
    {
        var (largest, atStep, atUnit, last) = (0.0, 0, 0, 0.0);
        layer.Simulate(steps, sequence, (step, activities) =>
        {
            if (!reference.TryGetValue(step, out var expected))
            {
                return;
            }

            last = 0;
            for (var k = 0; k < expected.Length; k++)
            {
                var difference = Math.Abs(activities[k] - expected[k]);
                last = Math.Max(last, difference);
                if (difference > largest)
                {
                    (largest, atStep, atUnit) = (difference, step, k);
                }
            }
        });

        var within = largest <= tolerance;
        // One unwrapped line (not the console's 80 columns), for scripts and reports to read.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{origin}, {reference.Count} steps: largest difference {largest:G3} ({layer.ActivityNames[atUnit]}, step {atStep}), {last:G3} at step {reference.Keys.Last()}: {(within ? "within" : "over")} {tolerance:G3}"));
        return within ? CliApp.Success : CliApp.GoalNotReached;
    }

    private static string Summary(LayerDefinition definition, ProgrammableLayer layer, int steps, FileInfo? inputsFile) =>
        string.Create(CultureInfo.InvariantCulture, $"{definition.Name}: {definition.NeuronCount} slow neurons, {definition.InputCount} inputs, ") +
        string.Create(CultureInfo.InvariantCulture, $"{definition.CodeLength} programmable connections ({NetworkDescription.MulName(definition.Mul)} muls, {layer.TotalNeuronCount} neurons in all); ") +
        string.Create(CultureInfo.InvariantCulture, $"{NetworkDescription.IntegratorName(definition.Integrator)}, h = {definition.Step}, {definition.ResolvedFastSubsteps} fast sub-steps, {NetworkDescription.UpdateOrderName(definition.UpdateOrder)} update; ") +
        string.Create(CultureInfo.InvariantCulture, $"{steps} steps, inputs {(inputsFile is null ? "held at 0" : "from " + inputsFile.Name)}");

    private static void ShowTable(IAnsiConsole console, ProgrammableLayer layer, InputSequence sequence, int steps)
    {
        var definition = layer.Definition;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("step").RightAligned());
        table.AddColumn(new TableColumn("t").RightAligned());
        for (var k = 0; k < definition.InputCount; k++)
        {
            table.AddColumn(new TableColumn($"[grey]{Markup.Escape(definition.InputName(k))}[/]").RightAligned());
        }

        for (var i = 0; i < definition.NeuronCount; i++)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(definition.NeuronName(i))}[/]").RightAligned());
        }

        var every = Math.Max(1, steps / 10);
        layer.Simulate(steps, sequence, (step, activities) =>
        {
            if (step % every != 0 && step != steps)
            {
                return;
            }

            var cells = new List<string> { step.ToString(CultureInfo.InvariantCulture), (step * definition.Step).ToString("F1", CultureInfo.InvariantCulture) };
            var inputs = sequence.At(Math.Max(0, step - 1));
            for (var k = 0; k < definition.InputCount; k++)
            {
                cells.Add(step == 0 ? "" : inputs[k].ToString("F3", CultureInfo.InvariantCulture));
            }

            for (var i = 0; i < definition.NeuronCount; i++)
            {
                cells.Add(activities[i].ToString("F4", CultureInfo.InvariantCulture));
            }

            table.AddRow(cells.ToArray());
        });
        console.Write(table);
    }

    private static void WriteTrajectory(FileInfo file, ProgrammableLayer layer, InputSequence sequence, int steps)
    {
        using var writer = new StreamWriter(file.FullName);
        var csv = new TrajectoryCsv(writer, layer.Definition.Step);
        csv.WriteHeader(layer.ActivityNames);
        layer.Simulate(steps, sequence, csv.WriteRow);
    }

    private static string ReadText(FileInfo file) => file.Exists
        ? File.ReadAllText(file.FullName)
        : throw new UserError($"{file.FullName}: no such file");
}
