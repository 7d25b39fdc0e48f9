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
        var command = new Command("simulate", "Run a network for n steps with a given input sequence.") { network, steps, inputs, code, output };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () => RunSimulate(
            parse.InvocationConfiguration.Output,
            parse.GetRequiredValue(network),
            parse.GetValue(steps),
            parse.GetValue(inputs),
            parse.GetValue(code),
            parse.GetValue(output))));
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

    private static int RunSimulate(TextWriter output, FileInfo networkFile, int? steps, FileInfo? inputsFile, FileInfo? codeFile, FileInfo? outFile)
    {
        var description = NetworkDescription.Parse(ReadText(networkFile), networkFile.Name);
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

        var console = ConsoleFactory.For(output);
        console.MarkupLine(Markup.Escape(Summary(definition, layer, stepCount, inputsFile)));
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

    private static string Summary(LayerDefinition definition, ProgrammableLayer layer, int steps, FileInfo? inputsFile) =>
        string.Create(CultureInfo.InvariantCulture, $"{definition.Name}: {definition.NeuronCount} slow neurons, {definition.InputCount} inputs, ") +
        string.Create(CultureInfo.InvariantCulture, $"{definition.CodeLength} programmable connections ({NetworkDescription.MulName(definition.Mul)} muls, {layer.TotalNeuronCount} neurons in all); ") +
        string.Create(CultureInfo.InvariantCulture, $"{NetworkDescription.IntegratorName(definition.Integrator)}, h = {definition.Step}, {definition.ResolvedFastSubsteps} fast sub-steps; ") +
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
