using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Core.Neurons;

namespace Hpnna.Core.Tests;

/// <summary>Seeded random layers: fixed weights where a connection is not programmable, a random programmable subset.</summary>
internal static class RandomLayers
{
    public static (LayerDefinition Definition, double[] Code) Create(int seed, MulKind mul, Integrator integrator = Integrator.ExponentialEuler, int neurons = 5, int inputs = 3)
    {
        var random = new Random(seed);
        var programmable = LayerDefinition.AllConnections(neurons, inputs).Where(_ => random.NextDouble() < 0.6).ToList();
        var isProgrammable = programmable.ToHashSet();
        double Fixed(Connection c) => isProgrammable.Contains(c) ? 0.0 : random.NextDouble() * 4 - 2;
        var definition = new LayerDefinition
        {
            Name = $"random-{seed}",
            NeuronCount = neurons,
            InputCount = inputs,
            Tau = Enumerable.Range(0, neurons).Select(_ => 0.8 + random.NextDouble()).ToArray(),
            InitialState = Enumerable.Range(0, neurons).Select(_ => random.NextDouble()).ToArray(),
            Recurrent = Enumerable.Range(0, neurons).Select(i => (IReadOnlyList<double>)Enumerable.Range(0, neurons).Select(j => Fixed(Connection.Recurrent(i, j))).ToArray()).ToArray(),
            Input = Enumerable.Range(0, neurons).Select(i => (IReadOnlyList<double>)Enumerable.Range(0, inputs).Select(k => Fixed(Connection.Input(i, k))).ToArray()).ToArray(),
            Bias = Enumerable.Range(0, neurons).Select(i => Fixed(Connection.Bias(i))).ToArray(),
            Programmable = programmable,
            Mul = mul,
            Integrator = integrator,
            Step = 0.2,
            Theta = 0.1,
        };
        var code = programmable.Select(_ => random.NextDouble() * 10 - 5).ToArray();
        return (definition, code);
    }

    public static double[][] Inputs(int seed, int steps, int width)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, width).Select(_ => random.NextDouble()).ToArray()).ToArray();
    }
}
