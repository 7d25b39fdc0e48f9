using System.Globalization;
using System.Text.Json;
using Hpnna.Common.Validation;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Core.Neurons;

namespace Hpnna.Core.Description;

/// <summary>
/// A network description file: any activity-form CTRNN, which of its connections are mul-substituted, the
/// weight range, tau/theta, initial state, integrator and step, plus an optional code for it.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "format": "hpnna-network/1", "name": "L1", "neurons": 2, "inputs": 3,
///   "tau": [1, 1], "initialState": [0.5, 0.5],
///   "recurrent": [[0, 0], [0, 0]], "input": [[0, 0, 0], [0, 0, 0]], "bias": [0, 0],
///   "programmable": { "connections": "all", "weightRange": [-5, 5], "mul": "published", "theta": 0.1, "code": [ ... ] },
///   "integrator": "exponential-euler", "step": 0.2, "fastSubsteps": 2, "updateOrder": "fast-first"
/// }
/// </code>
/// Every field but format, neurons, inputs and tau has a default; the update order's is the authors' toolbox's
/// ("simultaneous") for forward-Euler networks, the interpreters' ("fast-first") for exponential-Euler ones. Reading reports every problem with its
/// JSON path; a code outside the weight range, a NaN ("NaN" strings are read so they can be named), a tau
/// of 0 or an unknown mul kind are all refused.
/// </remarks>
public sealed record NetworkDescription(LayerDefinition Definition, double[] Code)
{
    public const string Format = "hpnna-network/1";

    private static readonly Dictionary<string, MulKind> MulNames = new(StringComparer.Ordinal)
    {
        ["published"] = MulKind.Published,
        ["precise"] = MulKind.Precise,
        ["ideal"] = MulKind.Ideal,
    };

    private static readonly Dictionary<string, Integrator> IntegratorNames = new(StringComparer.Ordinal)
    {
        ["exponential-euler"] = Integrator.ExponentialEuler,
        ["forward-euler"] = Integrator.ForwardEuler,
    };

    private static readonly Dictionary<string, UpdateOrder> UpdateOrderNames = new(StringComparer.Ordinal)
    {
        ["fast-first"] = UpdateOrder.FastFirst,
        ["simultaneous"] = UpdateOrder.Simultaneous,
    };

    /// <summary>A description of <paramref name="definition"/> with its neutral code (zeros where the range allows).</summary>
    public static NetworkDescription WithNeutralCode(LayerDefinition definition)
    {
        var code = new double[definition.CodeLength];
        code.AsSpan().Fill(definition.WeightRange.Neutral);
        return new NetworkDescription(definition, code);
    }

    public static string MulName(MulKind kind) => MulNames.First(pair => pair.Value == kind).Key;

    public static string IntegratorName(Integrator integrator) => IntegratorNames.First(pair => pair.Value == integrator).Key;

    public static string UpdateOrderName(UpdateOrder order) => UpdateOrderNames.First(pair => pair.Value == order).Key;

    /// <summary>Reads an update order's name as the description file writes it, e.g. for a command-line override.</summary>
    public static bool TryParseUpdateOrder(string text, out UpdateOrder order) => UpdateOrderNames.TryGetValue(text, out order);

    /// <summary>The names <see cref="TryParseUpdateOrder"/> reads.</summary>
    public static IEnumerable<string> UpdateOrderNamesList => UpdateOrderNames.Keys;

    /// <summary>Builds a layer loaded with this description's code.</summary>
    public ProgrammableLayer CreateLayer()
    {
        var layer = new ProgrammableLayer(Definition);
        layer.SetCode(Code);
        return layer;
    }

    /// <summary>Reads and validates a description; throws <see cref="InvalidDescriptionException"/> listing every problem.</summary>
    public static NetworkDescription Parse(string json, string origin)
    {
        var model = JsonProblems.Read(json, DescriptionJsonContext.Default.NetworkFileModel, origin);
        var problems = new List<Problem>();
        if (model.Format != Format)
        {
            problems.Add(new("$.format", $"must be \"{Format}\" (got {Quote(model.Format)})"));
        }

        if (model.Neurons is null)
        {
            problems.Add(new("$.neurons", "is required: the number of slow neurons"));
        }

        if (model.Inputs is null)
        {
            problems.Add(new("$.inputs", "is required: the number of external inputs (0 for none)"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidDescriptionException(origin, problems);
        }

        var programmable = model.Programmable ?? new ProgrammableModel();
        var integrator = ReadName(model.Integrator, IntegratorNames, Integrator.ExponentialEuler, "$.integrator", "integrator", problems);
        var defaultOrder = integrator == Integrator.ForwardEuler ? UpdateOrder.Simultaneous : UpdateOrder.FastFirst;
        var definition = new LayerDefinition
        {
            Name = model.Name ?? Path.GetFileNameWithoutExtension(origin),
            NeuronCount = model.Neurons!.Value,
            InputCount = model.Inputs!.Value,
            NeuronNames = model.NeuronNames,
            InputNames = model.InputNames,
            Tau = model.Tau!,
            InitialState = model.InitialState,
            Recurrent = model.Recurrent,
            Input = model.Input,
            Bias = model.Bias,
            Programmable = ReadConnections(programmable.Connections, model.Neurons.Value, model.Inputs.Value, problems),
            WeightRange = ReadRange(programmable.WeightRange, problems),
            Mul = ReadName(programmable.Mul, MulNames, MulKind.Published, "$.programmable.mul", "mul kind", problems),
            Theta = programmable.Theta ?? 0.1,
            Integrator = integrator,
            Step = model.Step ?? 0.2,
            FastSubsteps = model.FastSubsteps,
            UpdateOrder = ReadName(model.UpdateOrder, UpdateOrderNames, defaultOrder, "$.updateOrder", "update order", problems),
        };

        problems.AddRange(definition.Validate());
        double[] code;
        if (programmable.Code is { } given)
        {
            code = [.. given];
            if (problems.Count == 0)
            {
                problems.AddRange(definition.ValidateCode(code, "$.programmable.code"));
            }
        }
        else
        {
            code = new double[problems.Count == 0 ? definition.CodeLength : 0];
            code.AsSpan().Fill(definition.WeightRange.Neutral);
        }

        if (problems.Count > 0)
        {
            throw new InvalidDescriptionException(origin, problems);
        }

        return new NetworkDescription(definition, code);
    }

    /// <summary>The description as JSON, in the format <see cref="Parse"/> reads.</summary>
    public string ToJson()
    {
        var d = Definition;
        var all = SameConnections(d.Programmable, LayerDefinition.AllConnections(d.NeuronCount, d.InputCount));
        var model = new NetworkFileModel
        {
            Format = Format,
            Name = d.Name,
            Neurons = d.NeuronCount,
            Inputs = d.InputCount,
            NeuronNames = d.NeuronNames?.ToList(),
            InputNames = d.InputNames?.ToList(),
            Tau = [.. d.Tau],
            InitialState = d.InitialState?.ToList(),
            Recurrent = d.Recurrent?.Select(row => row.ToList()).ToList(),
            Input = d.Input?.Select(row => row.ToList()).ToList(),
            Bias = d.Bias?.ToList(),
            Programmable = new ProgrammableModel
            {
                Connections = all
                    ? JsonSerializer.SerializeToElement("all", DescriptionJsonContext.Default.String)
                    : JsonSerializer.SerializeToElement(d.Programmable.Select(c => c.ToString()).ToArray(), DescriptionJsonContext.Default.StringArray),
                WeightRange = [d.WeightRange.Min, d.WeightRange.Max],
                Mul = MulName(d.Mul),
                Theta = d.Theta,
                Code = [.. Code],
            },
            Integrator = IntegratorName(d.Integrator),
            Step = d.Step,
            FastSubsteps = d.FastSubsteps,
            UpdateOrder = UpdateOrderName(d.UpdateOrder),
        };
        return JsonSerializer.Serialize(model, DescriptionJsonContext.Default.NetworkFileModel);
    }

    private static IReadOnlyList<Connection> ReadConnections(JsonElement? element, int neurons, int inputs, List<Problem> problems)
    {
        const string path = "$.programmable.connections";
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() == "all")
        {
            return neurons is >= 1 and <= LayerDefinition.MaxNeurons && inputs is >= 0 and <= LayerDefinition.MaxNeurons
                ? LayerDefinition.AllConnections(neurons, inputs)
                : [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(path, "must be \"all\" or an array such as [\"W[0][1]\", \"V[1][2]\", \"b[0]\"]"));
            return [];
        }

        var connections = new List<Connection>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (Connection.TryParse(text, out var connection))
            {
                connections.Add(connection);
            }
            else
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), $"{Quote(text ?? item.GetRawText())} is not a connection: write W[i][j], V[i][k] or b[i]"));
            }

            index++;
        }

        return connections;
    }

    private static WeightRange ReadRange(List<double>? values, List<Problem> problems)
    {
        if (values is null)
        {
            return WeightRange.Default;
        }

        if (values.Count != 2)
        {
            problems.Add(new("$.programmable.weightRange", $"must be [min, max] (got {values.Count} values)"));
            return WeightRange.Default;
        }

        return new WeightRange(values[0], values[1]);
    }

    private static T ReadName<T>(string? text, Dictionary<string, T> names, T fallback, string path, string what, List<Problem> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        problems.Add(new(path, $"unknown {what} {Quote(text)} (expected {string.Join(", ", names.Keys)})"));
        return fallback;
    }

    private static bool SameConnections(IReadOnlyList<Connection> a, IReadOnlyList<Connection> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string? text) => text is null ? "nothing" : $"'{text}'";
}
