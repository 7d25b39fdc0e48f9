using Hpnna.Common.Validation;
using Hpnna.Core.Muls;
using Hpnna.Core.Neurons;
using Hpnna.Core.Programs;

namespace Hpnna.Core.Layers;

/// <summary>Receives the activities of every neuron after each step of <see cref="ProgrammableLayer.Simulate"/>.</summary>
public delegate void StepObserver(int step, ReadOnlySpan<double> activities);

/// <summary>
/// A programmable layer (PNN): an activity-form CTRNN whose programmable connections are computed by mul
/// sub-networks fed with a code, so that changing the code changes the behaviour and never the fixed weights.
/// </summary>
/// <remarks>
/// <para>Algorithm of one slow step h (all buffers preallocated; no allocation, no exception, fixed cost):</para>
/// <list type="number">
/// <item>Take a code posted from another thread, if any (so swaps land whole, at a step boundary).</item>
/// <item>Gather the source vector s = [x_0..x_N-1, u_0..u_Q-1, 1] and each mul's signal a_m = s[source(m)].</item>
/// <item>Advance the fast block: every mul sub-stepped k times with s held, so it tracks a_m * p_m
/// (<see cref="UpdateOrder.FastFirst"/>; with <see cref="UpdateOrder.Simultaneous"/> this comes after step 4).</item>
/// <item>drive_i = sum_s F[i,s] * s + sum over muls m into i of (w_min * a_m + (w_max - w_min) * z_m),
/// where F holds the fixed weights [W | V | b] and z_m is the mul's product estimate.</item>
/// <item>x_i += alpha_i * (sigma(drive_i) - x_i), alpha_i precomputed by the integrator.</item>
/// </list>
/// <para>With <see cref="MulKind.Ideal"/> muls z_m = a_m * p_m exactly, so the layer is the plain CTRNN
/// whose programmable weights equal the code, whatever the update order (an ideal mul has no state to lag).</para>
/// </remarks>
public sealed class ProgrammableLayer
{
    private readonly int _neuronCount;
    private readonly int _inputCount;
    private readonly int _sourceCount;
    private readonly double[] _alpha;
    private readonly double[] _initialState;
    private readonly double[] _fixed;        // N x (N + Q + 1), row-major
    private readonly int[] _mulSource;       // per mul: index into the source vector
    private readonly int[] _mulTarget;       // per mul: target neuron
    private readonly double _weightMin;
    private readonly double _weightSpan;
    private readonly MulBank _muls;
    private readonly CodeMailbox _mailbox;
    private readonly bool _hasConstantUnit;
    private readonly bool _mulsFirst;

    private readonly double[] _state;
    private readonly double[] _sources;
    private readonly double[] _signal;
    private readonly double[] _program;
    private readonly double[] _code;
    private readonly double[] _drive;

    /// <summary>Builds a layer; throws <see cref="InvalidDescriptionException"/> listing every problem of the definition.</summary>
    public ProgrammableLayer(LayerDefinition definition)
    {
        var problems = definition.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidDescriptionException(definition.Name, problems);
        }

        Definition = definition;
        _neuronCount = definition.NeuronCount;
        _inputCount = definition.InputCount;
        _sourceCount = _neuronCount + _inputCount + 1;
        _alpha = new double[_neuronCount];
        _initialState = new double[_neuronCount];
        _fixed = new double[_neuronCount * _sourceCount];
        for (var i = 0; i < _neuronCount; i++)
        {
            _alpha[i] = IntegrationFactor.For(definition.Integrator, definition.Step, definition.Tau[i]);
            _initialState[i] = definition.InitialState?[i] ?? 0.5;
            var row = _fixed.AsSpan(i * _sourceCount, _sourceCount);
            for (var j = 0; j < _neuronCount; j++)
            {
                row[j] = definition.FixedWeight(Connection.Recurrent(i, j));
            }

            for (var k = 0; k < _inputCount; k++)
            {
                row[_neuronCount + k] = definition.FixedWeight(Connection.Input(i, k));
            }

            row[_sourceCount - 1] = definition.FixedWeight(Connection.Bias(i));
        }

        var codeLength = definition.CodeLength;
        _mulSource = new int[codeLength];
        _mulTarget = new int[codeLength];
        for (var m = 0; m < codeLength; m++)
        {
            var connection = definition.Programmable[m];
            _mulSource[m] = connection.SourceSlot(_neuronCount, _inputCount);
            _mulTarget[m] = connection.Target;
        }

        _weightMin = definition.WeightRange.Min;
        _weightSpan = definition.WeightRange.Span;
        _muls = MulBank.Create(definition.Mul, codeLength, definition.Theta, definition.Step, definition.ResolvedFastSubsteps, definition.Integrator);
        _mailbox = new CodeMailbox(codeLength);
        _hasConstantUnit = definition.HasConstantUnit;
        _mulsFirst = definition.UpdateOrder == UpdateOrder.FastFirst || definition.Mul == MulKind.Ideal;

        _state = new double[_neuronCount];
        _sources = new double[_sourceCount];
        _signal = new double[codeLength];
        _program = new double[codeLength];
        _code = new double[codeLength];
        _drive = new double[_neuronCount];
        _code.AsSpan().Fill(definition.WeightRange.Neutral);
        ApplyCode();
        ActivityNames = BuildActivityNames(definition);
        Reset();
    }

    public LayerDefinition Definition { get; }

    public int NeuronCount => _neuronCount;

    public int InputCount => _inputCount;

    public int CodeLength => _code.Length;

    /// <summary>Slow neurons, mul units and the constant unit: the length of <see cref="CopyActivities"/>.</summary>
    public int TotalNeuronCount => ActivityNames.Count;

    /// <summary>One name per activity of <see cref="CopyActivities"/>, e.g. <c>x0</c>, <c>W[0][1].z1</c>, <c>one</c>.</summary>
    public IReadOnlyList<string> ActivityNames { get; }

    /// <summary>The slow neurons' activities.</summary>
    public ReadOnlySpan<double> State => _state;

    /// <summary>The code now in force.</summary>
    public ReadOnlySpan<double> Code => _code;

    /// <summary>Loads a code now, on the stepping thread. Throws <see cref="ArgumentException"/> on a wrong length, a non-finite value or a value outside the range.</summary>
    public void SetCode(ReadOnlySpan<double> code)
    {
        Definition.EnsureValidCode(code);
        code.CopyTo(_code);
        ApplyCode();
    }

    /// <summary>
    /// Posts a code from any thread; it takes effect, whole, at the start of the next <see cref="Step"/>.
    /// Validated here, on the caller's thread, so a bad code never reaches the stepping thread.
    /// </summary>
    public void PostCode(ReadOnlySpan<double> code)
    {
        Definition.EnsureValidCode(code);
        _mailbox.Post(code);
    }

    /// <summary>Returns every neuron, slow and fast, to its initial state. The code is kept.</summary>
    public void Reset()
    {
        _initialState.CopyTo(_state);
        _muls.Reset();
    }

    /// <summary>The slow neurons' state after <see cref="Reset"/>: where every program's training run started.</summary>
    public ReadOnlySpan<double> InitialState => _initialState;

    /// <summary>
    /// Pulls the slow state a fraction <paramref name="gain"/> of the way to <paramref name="target"/>: one step
    /// of a preparatory phase (<see cref="Transitions.TransitionModule"/>). A posted code is taken first, as by <see cref="Step"/>.
    /// </summary>
    public void ContractToward(ReadOnlySpan<double> target, double gain)
    {
        if (_mailbox.TryTake(_code))
        {
            ApplyCode();
        }

        // Written as a blend so that a gain of 1 lands exactly on the target, whatever the state was.
        var state = _state.AsSpan();
        var keep = 1 - gain;
        for (var i = 0; i < state.Length; i++)
        {
            state[i] = keep * state[i] + gain * target[i];
        }
    }

    /// <summary>Returns the fast (mul) units to their initial state, as at the start of a program's run; the slow state is kept.</summary>
    public void ResetFastUnits() => _muls.Reset();

    /// <summary>Advances the layer by one slow step with the given external inputs.</summary>
    public void Step(ReadOnlySpan<double> inputs)
    {
        if (_mailbox.TryTake(_code))
        {
            ApplyCode();
        }

        var n = _neuronCount;
        var sources = _sources.AsSpan();
        _state.CopyTo(sources);
        inputs[.._inputCount].CopyTo(sources[n..]);
        sources[^1] = 1.0;

        var signal = _signal.AsSpan();
        for (var m = 0; m < signal.Length; m++)
        {
            signal[m] = sources[_mulSource[m]];
        }

        if (_mulsFirst)
        {
            _muls.Advance(signal, _program);
        }

        var products = _muls.Products;
        var drive = _drive.AsSpan();
        var fixedWeights = _fixed.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var row = fixedWeights.Slice(i * _sourceCount, _sourceCount);
            var sum = 0.0;
            for (var s = 0; s < row.Length; s++)
            {
                sum += row[s] * sources[s];
            }

            drive[i] = sum;
        }

        for (var m = 0; m < signal.Length; m++)
        {
            drive[_mulTarget[m]] += _weightMin * signal[m] + _weightSpan * products[m];
        }

        if (!_mulsFirst)
        {
            _muls.Advance(signal, _program);
        }

        var state = _state.AsSpan();
        for (var i = 0; i < n; i++)
        {
            state[i] += _alpha[i] * (Sigmoid.Of(drive[i]) - state[i]);
        }
    }

    /// <summary>Copies every activity (slow neurons, then mul units mul-major, then the constant unit) into <paramref name="destination"/>.</summary>
    public void CopyActivities(Span<double> destination)
    {
        _state.CopyTo(destination);
        var units = destination.Slice(_neuronCount, _muls.UnitCount);
        _muls.CopyUnits(units);
        if (_hasConstantUnit)
        {
            destination[_neuronCount + units.Length] = 1.0;
        }
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps from the current state with the given inputs, reporting every
    /// activity before the first step (step 0) and after each step.
    /// </summary>
    public void Simulate(int steps, InputSequence inputs, StepObserver observer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (inputs.Width != _inputCount)
        {
            throw new ArgumentException($"the layer has {_inputCount} inputs but the sequence has {inputs.Width}", nameof(inputs));
        }

        if (inputs.Length < steps)
        {
            throw new ArgumentException($"the input sequence covers {inputs.Length} steps, fewer than {steps}", nameof(inputs));
        }

        var activities = new double[TotalNeuronCount];
        CopyActivities(activities);
        observer(0, activities);
        for (var step = 0; step < steps; step++)
        {
            Step(inputs.At(step));
            CopyActivities(activities);
            observer(step + 1, activities);
        }
    }

    private void ApplyCode()
    {
        for (var m = 0; m < _code.Length; m++)
        {
            _program[m] = (_code[m] - _weightMin) / _weightSpan;
        }
    }

    private static string[] BuildActivityNames(LayerDefinition definition)
    {
        var names = new List<string>(definition.TotalNeuronCount);
        for (var i = 0; i < definition.NeuronCount; i++)
        {
            names.Add(definition.NeuronName(i));
        }

        var units = LayerDefinition.UnitsPerMul(definition.Mul);
        foreach (var connection in definition.Programmable)
        {
            for (var r = 1; r <= units; r++)
            {
                names.Add($"{connection}.z{r}");
            }
        }

        if (definition.HasConstantUnit)
        {
            names.Add("one");
        }

        return [.. names];
    }
}
