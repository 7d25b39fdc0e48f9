using Hpnna.Core.Layers;
using Hpnna.Core.Transitions;

namespace Hpnna.Core.Interpreters;

/// <summary>
/// The goal interpreter: a junction trigger in, one selection activity out (high selects Pr, low Pl); the
/// goal's code on its programming lines decides the sequence of choices.
/// </summary>
/// <remarks>
/// It may run as several identical modules, each with its own programming lines fed the same goal code, whose
/// selections are put to a median vote (<see cref="ModuleVote"/>). Noise-free, every module does the same and
/// the vote changes nothing. With imprecise programming lines each module's code is perturbed on its own, and
/// a module that miscounts junctions is outvoted: measured with the shipped G7 (rrl) on 200 copies at 10% code
/// noise (<c>hpnna program noise --modules</c>), 85.6% of trigger sequences right with one module, 95.5% with
/// three, 97.3% with five. A perturbation common to every module (a stored code corrupted before it is fed)
/// is not outvoted.
/// <para>
/// A goal swapped mid-run takes over from the state the old goal's run left, which its program was never
/// trained from. With a goal phase, <see cref="Prepare"/> starts each module's preparatory phase
/// (<see cref="TransitionModule"/>) toward the state the new goal's code reaches at the same junction
/// (<see cref="CorridorStates"/>); off, every step is the bare module's, bit for bit.
/// </para>
/// </remarks>
public sealed class L2Interpreter
{
    public const int SelectionNeuron = 0;

    private readonly double[] _input = new double[1];
    private readonly ProgrammableLayer[] _modules;
    private readonly TransitionModule[] _transitions;
    private readonly double[] _votes;

    /// <param name="modules">Identical modules voting on the selection (<see cref="ModuleVote"/>).</param>
    /// <param name="goalPhase">The preparatory phase <see cref="Prepare"/> starts (<see cref="PreparatoryPhase.Off"/> unless given).</param>
    public L2Interpreter(LayerDefinition definition, int modules = 1, PreparatoryPhase? goalPhase = null)
    {
        if (definition.InputCount != 1)
        {
            throw new ArgumentException($"an L2 interpreter has exactly one input (the trigger); '{definition.Name}' has {definition.InputCount}", nameof(definition));
        }

        ModuleVote.EnsureModuleCount(modules);

        _modules = [.. Enumerable.Range(0, modules).Select(_ => new ProgrammableLayer(definition))];
        _transitions = [.. _modules.Select(m => new TransitionModule(m, goalPhase ?? PreparatoryPhase.Off))];
        _votes = new double[modules];
        Selection = Vote();
    }

    /// <summary>One module's definition (every module's).</summary>
    public LayerDefinition Definition => _modules[0].Definition;

    /// <summary>The values of one goal code (one module's programming lines).</summary>
    public int CodeLength => Definition.CodeLength;

    public int Modules => _modules.Length;

    /// <summary>Slow neurons per module: the length of a state <see cref="Prepare"/> takes.</summary>
    public int NeuronCount => _modules[0].NeuronCount;

    /// <summary>The phase <see cref="Prepare"/> starts.</summary>
    public PreparatoryPhase GoalPhase => _transitions[0].Phase;

    /// <summary>Whether the next step is a preparatory one.</summary>
    public bool Preparing => _transitions[0].Preparing;

    /// <summary>The first module's slow state.</summary>
    public ReadOnlySpan<double> State => _modules[0].State;

    /// <summary>The code on the first module's lines (all modules' unless set one by one).</summary>
    public ReadOnlySpan<double> Code => _modules[0].Code;

    /// <summary>The median of the modules' selection neurons after the last step.</summary>
    public double Selection { get; private set; }

    /// <summary>Feeds <paramref name="code"/> to every module now (stepping thread only).</summary>
    public void SetCode(ReadOnlySpan<double> code)
    {
        foreach (var module in _modules)
        {
            module.SetCode(code);
        }

        Selection = Vote();
    }

    /// <summary>Feeds <paramref name="code"/> to module <paramref name="module"/> alone: each module's lines perturbed on their own.</summary>
    public void SetModuleCode(int module, ReadOnlySpan<double> code)
    {
        _modules[module].SetCode(code);
        Selection = Vote();
    }

    /// <summary>
    /// Starts every module's goal phase toward <paramref name="target"/>, the state the code now on the lines
    /// reaches where the robot is (stepping thread only; nothing happens with the phase off).
    /// </summary>
    public void Prepare(ReadOnlySpan<double> target)
    {
        foreach (var transition in _transitions)
        {
            transition.Switch(target);
        }
    }

    /// <summary>Every module back to its initial state; codes are kept, a phase under way is dropped.</summary>
    public void Reset()
    {
        for (var m = 0; m < _modules.Length; m++)
        {
            _modules[m].Reset();
            _transitions[m].Cancel();
        }

        Selection = Vote();
    }

    public double Step(double trigger)
    {
        _input[0] = trigger;
        foreach (var transition in _transitions)
        {
            transition.Step(_input);
        }

        Selection = Vote();
        return Selection;
    }

    private double Vote()
    {
        for (var m = 0; m < _modules.Length; m++)
        {
            _votes[m] = _modules[m].State[SelectionNeuron];
        }

        return ModuleVote.Median(_votes);
    }
}
