using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;

namespace Hpnna.Training.Sequencing;

/// <summary>HPNNA's sequencer: the fixed L2 interpreter (of <paramref name="modules"/> voting modules) running one goal code.</summary>
public sealed class L2Sequencer(LayerDefinition definition, int modules = 1) : ISequencer
{
    private readonly L2Interpreter _l2 = new(definition, modules);

    public int Modules => _l2.Modules;

    public void Load(ReadOnlySpan<double> goalCode) => _l2.SetCode(goalCode);

    /// <summary>Loads one module's lines alone (each module perturbed on its own).</summary>
    public void LoadModule(int module, ReadOnlySpan<double> goalCode) => _l2.SetModuleCode(module, goalCode);

    public void Reset() => _l2.Reset();

    public double Step(double trigger) => _l2.Step(trigger);
}
