using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Core.Neurons;
using Xunit.Abstractions;

namespace Hpnna.Core.Tests;

public sealed class ProgrammableLayerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, Integrator.ExponentialEuler)]
    [InlineData(2, Integrator.ExponentialEuler)]
    [InlineData(3, Integrator.ForwardEuler)]
    [InlineData(4, Integrator.ForwardEuler)]
    public void Ideal_layer_reproduces_the_plain_ctrnn_whose_weights_are_the_code(int seed, Integrator integrator)
    {
        var (definition, code) = RandomLayers.Create(seed, MulKind.Ideal, integrator);
        var layer = new ProgrammableLayer(definition);
        layer.SetCode(code);
        var reference = new ReferenceCtrnn(definition, code);

        var worst = 0.0;
        foreach (var u in RandomLayers.Inputs(seed, 1000, definition.InputCount))
        {
            layer.Step(u);
            reference.Step(u);
            for (var i = 0; i < definition.NeuronCount; i++)
            {
                worst = Math.Max(worst, Math.Abs(layer.State[i] - reference.State[i]));
            }
        }

        Assert.True(worst <= 1e-12, $"max deviation {worst:E3}");
    }

    [Fact]
    public void With_ideal_muls_the_update_order_changes_nothing()
    {
        var (definition, code) = RandomLayers.Create(5, MulKind.Ideal, Integrator.ForwardEuler);
        var fastFirst = new ProgrammableLayer(definition with { UpdateOrder = UpdateOrder.FastFirst });
        var simultaneous = new ProgrammableLayer(definition with { UpdateOrder = UpdateOrder.Simultaneous });
        fastFirst.SetCode(code);
        simultaneous.SetCode(code);

        foreach (var u in RandomLayers.Inputs(5, 200, definition.InputCount))
        {
            fastFirst.Step(u);
            simultaneous.Step(u);
        }

        Assert.Equal(fastFirst.State.ToArray(), simultaneous.State.ToArray());
    }

    [Fact]
    public void Simultaneously_updated_slow_neurons_read_the_products_of_the_start_of_the_step()
    {
        // One neuron driven only through a mul on the constant input (b[0]): its first step sees the mul's initial output.
        var definition = new LayerDefinition
        {
            NeuronCount = 1,
            InputCount = 0,
            Tau = [1.0],
            Programmable = [Connection.Bias(0)],
            Integrator = Integrator.ForwardEuler,
            Step = 0.1,
            Theta = 0.1,
            UpdateOrder = UpdateOrder.Simultaneous,
        };
        var simultaneous = new ProgrammableLayer(definition);
        var fastFirst = new ProgrammableLayer(definition with { UpdateOrder = UpdateOrder.FastFirst });
        var range = definition.WeightRange;

        simultaneous.Step([]);
        fastFirst.Step([]);

        var drive = range.Min + range.Span * PublishedMulBank.InitialActivity;
        Assert.Equal(0.5 + 0.1 * (Sigmoid.Of(drive) - 0.5), simultaneous.State[0], 1e-15);
        Assert.NotEqual(simultaneous.State[0], fastFirst.State[0]);
    }

    /// <summary>
    /// Mean and worst |x_layer - x_ctrnn| of the L1 topology over 20 random codes x 1000 steps of smooth,
    /// proximity-like inputs. Measured (seeds 1-20): published mean 0.038, worst 0.78 (its ~0.13 product error
    /// can tip a bistable code into another attractor); precise mean 0.0032, worst 0.21 at theta = 0.1, and
    /// mean 0.0020, worst 0.045 at theta = 0.02.
    /// </summary>
    private static (double Mean, double Worst) DeviationFromPlainCtrnn(MulKind mul, double theta)
    {
        var sum = 0.0;
        var worst = 0.0;
        var count = 0;
        for (var seed = 1; seed <= 20; seed++)
        {
            var random = new Random(seed);
            var definition = new LayerDefinition
            {
                NeuronCount = 2,
                InputCount = 3,
                Tau = [1.0, 1.0],
                Programmable = LayerDefinition.AllConnections(2, 3),
                Mul = mul,
                Theta = theta,
                Step = 0.2,
            };
            var code = Enumerable.Range(0, 12).Select(_ => random.NextDouble() * 10 - 5).ToArray();
            var layer = new ProgrammableLayer(definition);
            layer.SetCode(code);
            var reference = new ReferenceCtrnn(definition, code);
            var phase = random.NextDouble() * 6;
            for (var t = 0; t < 1000; t++)
            {
                var time = t * 0.2;
                double[] u = [0.5 + 0.5 * Math.Sin(time / 3 + phase), 0.5 + 0.5 * Math.Sin(time / 5 + 2 * phase), 0.5 + 0.5 * Math.Cos(time / 7 + phase)];
                layer.Step(u);
                reference.Step(u);
                for (var i = 0; i < 2; i++)
                {
                    var deviation = Math.Abs(layer.State[i] - reference.State[i]);
                    sum += deviation;
                    worst = Math.Max(worst, deviation);
                    count++;
                }
            }
        }

        return (sum / count, worst);
    }

    [Theory]
    [InlineData(MulKind.Published, 0.05)]
    [InlineData(MulKind.Precise, 0.005)]
    public void Mul_layers_stay_close_to_the_plain_ctrnn_on_average(MulKind mul, double meanBound)
    {
        var (mean, worst) = DeviationFromPlainCtrnn(mul, InterpreterTopologies.Theta);

        output.WriteLine($"{mul}: mean deviation {mean:F4}, worst {worst:F4}");
        Assert.True(mean < meanBound, $"{mul}: mean deviation {mean:F4} (worst {worst:F4})");
    }

    [Fact]
    public void Faster_precise_muls_track_the_plain_ctrnn_more_closely()
    {
        var slow = DeviationFromPlainCtrnn(MulKind.Precise, 0.1);
        var fast = DeviationFromPlainCtrnn(MulKind.Precise, 0.02);

        output.WriteLine($"theta 0.1: {slow}; theta 0.02: {fast}");
        Assert.True(fast.Mean < slow.Mean);
        Assert.True(fast.Worst < slow.Worst);
    }

    [Theory]
    [InlineData(MulKind.Published)]
    [InlineData(MulKind.Precise)]
    [InlineData(MulKind.Ideal)]
    public void Loading_another_code_and_then_the_first_again_gives_a_bit_identical_run(MulKind mul)
    {
        var (definition, first) = RandomLayers.Create(7, mul);
        var second = first.Select(v => -v * 0.9).ToArray();
        var inputs = RandomLayers.Inputs(7, 500, definition.InputCount);
        var layer = new ProgrammableLayer(definition);

        layer.SetCode(first);
        var before = Run(layer, inputs);
        layer.Reset();
        layer.SetCode(second);
        var other = Run(layer, inputs);
        layer.Reset();
        layer.SetCode(first);
        var after = Run(layer, inputs);

        Assert.Equal(before, after);
        Assert.NotEqual(before, other);
    }

    [Fact]
    public void Loading_a_code_never_touches_fixed_connections()
    {
        // Neuron 0 receives only fixed connections; neuron 1 is fully programmable but does not feed neuron 0.
        var definition = new LayerDefinition
        {
            NeuronCount = 2,
            InputCount = 1,
            Tau = [1.0, 1.0],
            Recurrent = [[0.7, 0.0], [0.0, 0.0]],
            Input = [[1.5], [0.0]],
            Bias = [-0.3, 0.0],
            Programmable = [Connection.Recurrent(1, 0), Connection.Recurrent(1, 1), Connection.Input(1, 0), Connection.Bias(1)],
        };
        var inputs = RandomLayers.Inputs(3, 300, 1);
        var layer = new ProgrammableLayer(definition);

        layer.SetCode([1, 2, 3, 4]);
        var first = Run(layer, inputs).Select(row => row[0]).ToArray();
        layer.Reset();
        layer.SetCode([-4, -3, 5, -5]);
        var second = Run(layer, inputs).Select(row => row[0]).ToArray();

        Assert.Equal(first, second);
        Assert.Equal(0.7, definition.Recurrent[0][0]);
    }

    [Fact]
    public void A_code_posted_from_another_thread_lands_whole_at_a_step_boundary()
    {
        var (definition, _) = RandomLayers.Create(11, MulKind.Published);
        var layer = new ProgrammableLayer(definition);
        var low = Enumerable.Repeat(-4.0, layer.CodeLength).ToArray();
        var high = Enumerable.Repeat(4.0, layer.CodeLength).ToArray();
        layer.SetCode(low);
        var inputs = new double[definition.InputCount];
        using var stop = new CancellationTokenSource();
        var posts = 0;
        var writer = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                layer.PostCode(posts % 2 == 0 ? high : low);
                posts++;
            }
        });
        writer.Start();

        var mixed = 0;
        var changes = 0;
        var last = layer.Code[0];
        for (var step = 0; step < 200_000; step++)
        {
            layer.Step(inputs);
            var code = layer.Code;
            foreach (var value in code)
            {
                if (value != code[0])
                {
                    mixed++;
                    break;
                }
            }

            changes += code[0] != last ? 1 : 0;
            last = code[0];
        }

        stop.Cancel();
        writer.Join();
        output.WriteLine($"{posts} posts, {changes} code changes seen by the stepping thread");
        Assert.Equal(0, mixed);
        Assert.True(changes > 0, "the stepping thread never saw a posted code");
    }

    [Fact]
    public void Bad_codes_are_refused_before_they_reach_the_layer()
    {
        var (definition, code) = RandomLayers.Create(5, MulKind.Published);
        var layer = new ProgrammableLayer(definition);
        layer.SetCode(code);

        var tooShort = code[..^1];
        var outOfRange = code.ToArray();
        outOfRange[2] = 5.5;
        var notANumber = code.ToArray();
        notANumber[0] = double.NaN;

        Assert.Contains("has", Assert.Throws<ArgumentException>(() => layer.PostCode(tooShort)).Message);
        Assert.Contains("outside the weight range", Assert.Throws<ArgumentException>(() => layer.SetCode(outOfRange)).Message);
        Assert.Contains("not a finite number", Assert.Throws<ArgumentException>(() => layer.PostCode(notANumber)).Message);
        layer.Step(new double[definition.InputCount]);
        Assert.Equal(code, layer.Code.ToArray());
    }

    [Fact]
    public void Activities_cover_slow_neurons_mul_units_and_the_constant_unit()
    {
        var definition = new LayerDefinition
        {
            NeuronCount = 1,
            InputCount = 1,
            Tau = [1.0],
            Programmable = [Connection.Input(0, 0), Connection.Bias(0)],
        };
        var layer = new ProgrammableLayer(definition);
        var activities = new double[layer.TotalNeuronCount];

        layer.CopyActivities(activities);

        Assert.Equal(["x0", "V[0][0].z1", "V[0][0].z2", "V[0][0].z3", "b[0].z1", "b[0].z2", "b[0].z3", "one"], layer.ActivityNames);
        Assert.Equal([0.5, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 1.0], activities);
    }

    [Fact]
    public void Simulate_reports_the_initial_state_and_every_step()
    {
        var (definition, code) = RandomLayers.Create(9, MulKind.Precise);
        var layer = new ProgrammableLayer(definition);
        layer.SetCode(code);
        var rows = new List<double[]>();

        layer.Simulate(20, InputSequence.Constant([0.2, 0.4, 0.6]), (_, activities) => rows.Add(activities.ToArray()));

        Assert.Equal(21, rows.Count);
        Assert.Equal(layer.TotalNeuronCount, rows[0].Length);
        Assert.Equal(definition.InitialState![0], rows[0][0]);
        Assert.Equal(layer.State[0], rows[^1][0]);
    }

    private static List<double[]> Run(ProgrammableLayer layer, double[][] inputs)
    {
        var rows = new List<double[]>();
        var activities = new double[layer.TotalNeuronCount];
        foreach (var u in inputs)
        {
            layer.Step(u);
            layer.CopyActivities(activities);
            rows.Add(activities.ToArray());
        }

        return rows;
    }
}
