using Hpnna.Core.Layers;
using Hpnna.Core.Neurons;

namespace Hpnna.Core.Tests;

/// <summary>
/// A plain activity-form CTRNN written straight from the equation, independent of the layer's code path:
/// the programmable weights are simply set to the code values.
/// </summary>
internal sealed class ReferenceCtrnn
{
    private readonly double[,] _w;
    private readonly double[,] _v;
    private readonly double[] _b;
    private readonly double[] _alpha;

    public ReferenceCtrnn(LayerDefinition definition, double[] code)
    {
        var n = definition.NeuronCount;
        var q = definition.InputCount;
        _w = new double[n, n];
        _v = new double[n, q];
        _b = new double[n];
        _alpha = new double[n];
        State = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                _w[i, j] = definition.Recurrent?[i][j] ?? 0;
            }

            for (var k = 0; k < q; k++)
            {
                _v[i, k] = definition.Input?[i][k] ?? 0;
            }

            _b[i] = definition.Bias?[i] ?? 0;
            _alpha[i] = IntegrationFactor.For(definition.Integrator, definition.Step, definition.Tau[i]);
            State[i] = definition.InitialState?[i] ?? 0.5;
        }

        for (var c = 0; c < code.Length; c++)
        {
            var connection = definition.Programmable[c];
            switch (connection.Kind)
            {
                case ConnectionKind.Recurrent: _w[connection.Target, connection.Source] = code[c]; break;
                case ConnectionKind.Input: _v[connection.Target, connection.Source] = code[c]; break;
                default: _b[connection.Target] = code[c]; break;
            }
        }
    }

    public double[] State { get; }

    public void Step(double[] u)
    {
        var n = State.Length;
        var drive = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = _b[i];
            for (var j = 0; j < n; j++)
            {
                sum += _w[i, j] * State[j];
            }

            for (var k = 0; k < u.Length; k++)
            {
                sum += _v[i, k] * u[k];
            }

            drive[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            State[i] += _alpha[i] * (1.0 / (1.0 + Math.Exp(-drive[i])) - State[i]);
        }
    }
}
