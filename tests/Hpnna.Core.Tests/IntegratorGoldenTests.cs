using Hpnna.Core.Layers;
using Hpnna.Core.Neurons;

namespace Hpnna.Core.Tests;

/// <summary>
/// Three steps of one neuron (W = 2, V = 1.5 on u = 0.4, b = -1) from the authors' reference defaults
/// (h = 0.1, tau = 1, initial activity 0.5), with the values worked out by hand outside this code base.
/// </summary>
public sealed class IntegratorGoldenTests
{
    [Theory]
    [InlineData(Integrator.ForwardEuler, new[] { 0.5145656306225795, 0.5283383127834651, 0.5413558258879022 })]
    [InlineData(Integrator.ExponentialEuler, new[] { 0.5138610301797917, 0.5270040996588102, 0.5394617411735566 })]
    public void One_neuron_follows_the_hand_computed_steps(Integrator integrator, double[] expected)
    {
        var layer = new ProgrammableLayer(new LayerDefinition
        {
            NeuronCount = 1,
            InputCount = 1,
            Tau = [1.0],
            Recurrent = [[2.0]],
            Input = [[1.5]],
            Bias = [-1.0],
            Integrator = integrator,
            Step = 0.1,
        });

        foreach (var value in expected)
        {
            layer.Step([0.4]);
            Assert.Equal(value, layer.State[0], 1e-15);
        }
    }
}
