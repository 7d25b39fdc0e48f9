using Hpnna.Core.Layers;

namespace Hpnna.Core.Transitions;

/// <summary>
/// The transition module of one layer: on a program switch it runs the <see cref="PreparatoryPhase"/>, driving
/// the layer to the new program's initial state before the program runs (the motor-thalamocortical
/// preparatory phase of the motif-chaining work), so that a program never starts from a state it was not trained from.
/// </summary>
/// <remarks>
/// The stepping thread calls <see cref="Step"/> instead of <see cref="ProgrammableLayer.Step"/>. While a phase
/// runs, each step contracts the slow state toward the target; on its last step the fast (mul) units are reset
/// as at a program's start. With the phase off, <see cref="Step"/> is the layer's own step, bit for bit.
/// Buffers are made at construction: no allocation per step or per switch.
/// </remarks>
public sealed class TransitionModule
{
    private readonly ProgrammableLayer _layer;
    private readonly double[] _target;
    private int _remaining;

    public TransitionModule(ProgrammableLayer layer, PreparatoryPhase phase)
    {
        var problems = phase.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(phase));
        }

        _layer = layer;
        Phase = phase;
        _target = new double[layer.NeuronCount];
    }

    public PreparatoryPhase Phase { get; }

    /// <summary>Whether the next <see cref="Step"/> is a preparatory one: true from a switch until the phase's last step has run.</summary>
    public bool Preparing => _remaining > 0;

    /// <summary>A program switch toward a program trained from the layer's own initial state (the shared rest state).</summary>
    public void Switch() => Switch(_layer.InitialState);

    /// <summary>A program switch toward a program whose initial state is <paramref name="target"/> (learned with it); stepping thread only.</summary>
    public void Switch(ReadOnlySpan<double> target)
    {
        if (target.Length != _target.Length)
        {
            throw new ArgumentException($"an initial state has {_target.Length} values (got {target.Length})", nameof(target));
        }

        if (Phase.IsOff)
        {
            return;
        }

        target.CopyTo(_target);
        _remaining = Phase.Steps;
    }

    /// <summary>One slow step: a preparatory one while a phase runs, else the layer's own.</summary>
    public void Step(ReadOnlySpan<double> inputs)
    {
        if (_remaining == 0)
        {
            _layer.Step(inputs);
            return;
        }

        _layer.ContractToward(_target, Phase.Gain);
        if (--_remaining == 0)
        {
            _layer.ResetFastUnits();
        }
    }

    /// <summary>Abandons a phase under way (the layer was reset).</summary>
    public void Cancel() => _remaining = 0;
}
