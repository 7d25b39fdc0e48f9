using System.Globalization;
using Hpnna.Common.Validation;
using Hpnna.Core.Muls;
using Hpnna.Core.Neurons;

namespace Hpnna.Core.Layers;

/// <summary>
/// Everything fixed about a programmable layer (PNN): N slow neurons, Q inputs, fixed weights, which
/// connections are programmable, the weight range, the mul kind and the integration settings.
/// A program (code) is not part of it: codes are loaded into a layer built from this definition.
/// </summary>
/// <remarks>
/// The property names mirror the JSON network description, so <see cref="Validate"/> reports problems with
/// the JSON path of the offending field whether the definition came from a file or from code.
/// Fixed weights left null are zero. A programmable connection's fixed weight must be zero: the mul
/// sub-network takes its place.
/// </remarks>
public sealed record LayerDefinition
{
    /// <summary>An upper bound that keeps a typo from allocating gigabytes.</summary>
    public const int MaxNeurons = 4096;

    public string Name { get; init; } = "layer";

    public required int NeuronCount { get; init; }

    public required int InputCount { get; init; }

    public IReadOnlyList<string>? NeuronNames { get; init; }

    public IReadOnlyList<string>? InputNames { get; init; }

    /// <summary>Time constant of each slow neuron.</summary>
    public required IReadOnlyList<double> Tau { get; init; }

    /// <summary>Initial activity of each slow neuron; 0.5 each when null.</summary>
    public IReadOnlyList<double>? InitialState { get; init; }

    /// <summary>Fixed W[i][j] (from neuron j to neuron i), N rows of N; zero when null.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Recurrent { get; init; }

    /// <summary>Fixed V[i][k] (from input k to neuron i), N rows of Q; zero when null.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Input { get; init; }

    /// <summary>Fixed bias b[i]; zero when null.</summary>
    public IReadOnlyList<double>? Bias { get; init; }

    /// <summary>The programmable connections, in code order: code value c is the weight of connection c.</summary>
    public IReadOnlyList<Connection> Programmable { get; init; } = [];

    public WeightRange WeightRange { get; init; } = WeightRange.Default;

    public MulKind Mul { get; init; } = MulKind.Published;

    /// <summary>The fast time constant of the mul units.</summary>
    public double Theta { get; init; } = 0.1;

    public Integrator Integrator { get; init; } = Integrator.ExponentialEuler;

    /// <summary>The slow step h, in the same time unit as tau and theta.</summary>
    public double Step { get; init; } = 0.2;

    /// <summary>Fast sub-steps per slow step; when null, the smallest count with h/k &lt;= theta.</summary>
    public int? FastSubsteps { get; init; }

    /// <summary>Whether the slow neurons read the muls' products after this step's advance or before it.</summary>
    public UpdateOrder UpdateOrder { get; init; } = UpdateOrder.FastFirst;

    public int CodeLength => Programmable.Count;

    /// <summary>The same layer with another mul kind: the same codes, computed with other multiplier sub-networks.</summary>
    public LayerDefinition WithMul(MulKind mul) => this with { Mul = mul };

    public int ResolvedFastSubsteps => FastSubsteps ?? Math.Max(1, (int)Math.Ceiling(Step / Theta - 1e-9));

    /// <summary>Whether a constant unit feeds programmable biases (it counts as a neuron, as in the paper's 39).</summary>
    public bool HasConstantUnit
    {
        get
        {
            foreach (var connection in Programmable)
            {
                if (connection.Kind == ConnectionKind.Bias)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Slow neurons, mul units and the constant unit, if any.</summary>
    public int TotalNeuronCount => NeuronCount + CodeLength * UnitsPerMul(Mul) + (HasConstantUnit ? 1 : 0);

    public string NeuronName(int i) => NeuronNames is { } names && i < names.Count ? names[i] : Invariant($"x{i}");

    public string InputName(int k) => InputNames is { } names && k < names.Count ? names[k] : Invariant($"u{k}");

    /// <summary>Every programmable connection of an N x Q layer: all of W, then all of V, then b, row by row.</summary>
    public static IReadOnlyList<Connection> AllConnections(int neuronCount, int inputCount)
    {
        var all = new List<Connection>(neuronCount * (neuronCount + inputCount + 1));
        for (var i = 0; i < neuronCount; i++)
        {
            for (var j = 0; j < neuronCount; j++)
            {
                all.Add(Connection.Recurrent(i, j));
            }

            for (var k = 0; k < inputCount; k++)
            {
                all.Add(Connection.Input(i, k));
            }

            all.Add(Connection.Bias(i));
        }

        return all;
    }

    public static int UnitsPerMul(MulKind kind) => kind switch
    {
        MulKind.Published => 3,
        MulKind.Precise => 4,
        _ => 0,
    };

    /// <summary>Every problem with this definition; empty when it can build a layer.</summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        var n = NeuronCount;
        var q = InputCount;
        if (n < 1 || n > MaxNeurons)
        {
            problems.Add(new("$.neurons", Invariant($"must be between 1 and {MaxNeurons} (got {n})")));
            return problems;
        }

        if (q < 0 || q > MaxNeurons)
        {
            problems.Add(new("$.inputs", Invariant($"must be between 0 and {MaxNeurons} (got {q})")));
            return problems;
        }

        CheckNames(problems, "$.neuronNames", NeuronNames, n);
        CheckNames(problems, "$.inputNames", InputNames, q);
        if (CheckVector(problems, "$.tau", Tau, n))
        {
            for (var i = 0; i < n; i++)
            {
                if (Tau[i] <= 0)
                {
                    problems.Add(new(Invariant($"$.tau[{i}]"), Invariant($"must be > 0 (got {Tau[i]})")));
                }
            }
        }

        if (InitialState is not null && CheckVector(problems, "$.initialState", InitialState, n))
        {
            for (var i = 0; i < n; i++)
            {
                if (InitialState[i] is < 0 or > 1)
                {
                    problems.Add(new(Invariant($"$.initialState[{i}]"), Invariant($"an activity must be within [0, 1] (got {InitialState[i]})")));
                }
            }
        }

        CheckMatrix(problems, "$.recurrent", Recurrent, n, n);
        CheckMatrix(problems, "$.input", Input, n, q);
        if (Bias is not null)
        {
            CheckVector(problems, "$.bias", Bias, n);
        }

        CheckProgrammable(problems, n, q);
        CheckTiming(problems);
        return problems;
    }

    /// <summary>Every problem with <paramref name="code"/> as a program for this layer.</summary>
    public IReadOnlyList<Problem> ValidateCode(ReadOnlySpan<double> code, string path)
    {
        var problems = new List<Problem>();
        if (code.Length != CodeLength)
        {
            problems.Add(new(path, Invariant($"a code for '{Name}' has {CodeLength} values, one per programmable connection (got {code.Length})")));
            return problems;
        }

        for (var c = 0; c < code.Length; c++)
        {
            var value = code[c];
            if (!double.IsFinite(value))
            {
                problems.Add(new(Invariant($"{path}[{c}]"), Invariant($"{value} is not a finite number")));
            }
            else if (!WeightRange.Contains(value))
            {
                problems.Add(new(Invariant($"{path}[{c}]"), Invariant($"{value} is outside the weight range {WeightRange} ({Programmable[c]})")));
            }
        }

        return problems;
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the first problem when <paramref name="code"/> is not a valid
    /// program for this layer. Allocates nothing when the code is valid, so it may guard the stepping thread.
    /// </summary>
    public void EnsureValidCode(ReadOnlySpan<double> code)
    {
        var valid = code.Length == CodeLength;
        for (var c = 0; valid && c < code.Length; c++)
        {
            valid = WeightRange.Contains(code[c]); // false for NaN too
        }

        if (!valid)
        {
            throw new ArgumentException(ValidateCode(code, "code")[0].ToString(), nameof(code));
        }
    }

    private void CheckProgrammable(List<Problem> problems, int n, int q)
    {
        const string path = "$.programmable";
        if (!double.IsFinite(WeightRange.Min) || !double.IsFinite(WeightRange.Max) || WeightRange.Min >= WeightRange.Max)
        {
            problems.Add(new($"{path}.weightRange", Invariant($"must be two finite numbers [min, max] with min < max (got {WeightRange})")));
        }

        if (!Enum.IsDefined(Mul))
        {
            problems.Add(new($"{path}.mul", Invariant($"unknown mul kind {Mul}")));
        }

        var seen = new HashSet<Connection>();
        for (var c = 0; c < Programmable.Count; c++)
        {
            var connection = Programmable[c];
            var at = Invariant($"{path}.connections[{c}]");
            var sourceCount = connection.Kind == ConnectionKind.Input ? q : n;
            if (connection.Target < 0 || connection.Target >= n)
            {
                problems.Add(new(at, Invariant($"{connection} targets neuron {connection.Target}, but the layer has {n} neurons")));
            }
            else if (connection.Kind != ConnectionKind.Bias && (connection.Source < 0 || connection.Source >= sourceCount))
            {
                var what = connection.Kind == ConnectionKind.Input ? "inputs" : "neurons";
                problems.Add(new(at, Invariant($"{connection} reads source {connection.Source}, but the layer has {sourceCount} {what}")));
            }
            else if (!seen.Add(connection))
            {
                problems.Add(new(at, Invariant($"{connection} is listed twice")));
            }
            else if (FixedWeight(connection) != 0)
            {
                problems.Add(new(at, Invariant($"{connection} is programmable, so its fixed weight must be 0 (it is {FixedWeight(connection)})")));
            }
        }
    }

    private void CheckTiming(List<Problem> problems)
    {
        if (!Enum.IsDefined(Integrator))
        {
            problems.Add(new("$.integrator", Invariant($"unknown integrator {Integrator}")));
        }

        if (!Enum.IsDefined(UpdateOrder))
        {
            problems.Add(new("$.updateOrder", Invariant($"unknown update order {UpdateOrder}")));
        }

        if (!double.IsFinite(Step) || Step <= 0)
        {
            problems.Add(new("$.step", Invariant($"must be a finite number > 0 (got {Step})")));
            return;
        }

        if (!double.IsFinite(Theta) || Theta <= 0)
        {
            problems.Add(new("$.programmable.theta", Invariant($"must be a finite number > 0 (got {Theta})")));
            return;
        }

        if (FastSubsteps is < 1 or > 1000)
        {
            problems.Add(new("$.fastSubsteps", Invariant($"must be between 1 and 1000 (got {FastSubsteps})")));
            return;
        }

        if (Integrator != Integrator.ForwardEuler || Tau.Count != NeuronCount)
        {
            return;
        }

        // Forward Euler overshoots the target once h/tau > 1, and diverges beyond 2.
        for (var i = 0; i < NeuronCount; i++)
        {
            if (Tau[i] > 0 && Step / Tau[i] > 1)
            {
                problems.Add(new("$.step", Invariant($"forward Euler needs step/tau <= 1 (step {Step}, tau[{i}] {Tau[i]}); use exponential-euler or a smaller step")));
                return;
            }
        }

        var fastStep = Step / ResolvedFastSubsteps;
        if (CodeLength > 0 && UnitsPerMul(Mul) > 0 && fastStep / Theta > 1)
        {
            problems.Add(new("$.fastSubsteps", Invariant($"forward Euler needs (step/fastSubsteps)/theta <= 1 (got {fastStep / Theta:G4}); raise fastSubsteps")));
        }
    }

    /// <summary>The fixed weight the definition gives a connection; 0 where absent (validation reports bad shapes).</summary>
    internal double FixedWeight(Connection connection) => connection.Kind switch
    {
        ConnectionKind.Recurrent => At(Recurrent, connection.Target, connection.Source),
        ConnectionKind.Input => At(Input, connection.Target, connection.Source),
        _ => Bias is { } bias && connection.Target < bias.Count ? bias[connection.Target] : 0.0,
    };

    private static double At(IReadOnlyList<IReadOnlyList<double>>? rows, int i, int j) =>
        rows is not null && i < rows.Count && rows[i] is { } row && j < row.Count ? row[j] : 0.0;

    private static void CheckNames(List<Problem> problems, string path, IReadOnlyList<string>? names, int count)
    {
        if (names is null)
        {
            return;
        }

        if (names.Count != count)
        {
            problems.Add(new(path, Invariant($"has {names.Count} names for {count} entries")));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]) || names[i].AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                problems.Add(new(Invariant($"{path}[{i}]"), "a name must be non-empty and free of commas, quotes and line breaks"));
            }
            else if (!seen.Add(names[i]))
            {
                problems.Add(new(Invariant($"{path}[{i}]"), $"'{names[i]}' is used twice"));
            }
        }
    }

    private static bool CheckVector(List<Problem> problems, string path, IReadOnlyList<double>? values, int length)
    {
        if (values is null)
        {
            problems.Add(new(path, Invariant($"is required: {length} numbers")));
            return false;
        }

        if (values.Count != length)
        {
            problems.Add(new(path, Invariant($"must have {length} values (got {values.Count})")));
            return false;
        }

        var finite = true;
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                problems.Add(new(Invariant($"{path}[{i}]"), Invariant($"{values[i]} is not a finite number")));
                finite = false;
            }
        }

        return finite;
    }

    private static void CheckMatrix(List<Problem> problems, string path, IReadOnlyList<IReadOnlyList<double>>? rows, int rowCount, int columnCount)
    {
        if (rows is null)
        {
            return;
        }

        if (rows.Count != rowCount)
        {
            problems.Add(new(path, Invariant($"must have {rowCount} rows, one per neuron (got {rows.Count})")));
            return;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            CheckVector(problems, Invariant($"{path}[{i}]"), rows[i], columnCount);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
