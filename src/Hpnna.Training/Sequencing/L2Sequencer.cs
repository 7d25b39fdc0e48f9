using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;

namespace Hpnna.Training.Sequencing;

/// <summary>HPNNA's sequencer: the fixed L2 interpreter running one goal code.</summary>
public sealed class L2Sequencer(LayerDefinition definition) : ISequencer
{
    private readonly L2Interpreter _l2 = new(definition);

    public void Load(ReadOnlySpan<double> goalCode) => _l2.Layer.SetCode(goalCode);

    public void Reset() => _l2.Layer.Reset();

    public double Step(double trigger) => _l2.Step(trigger);
}
