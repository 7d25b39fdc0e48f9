using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Core.Transitions;

namespace Hpnna.Core.Tests;

/// <summary>The preparatory phase at program switches: convergence from anywhere, off = today's layer, no allocation.</summary>
public sealed class TransitionModuleTests
{
    [Fact]
    public void The_phase_brings_the_layer_within_its_tolerance_of_the_initial_state_from_any_end_state()
    {
        // 500 end states of L1 (39 neurons) left by random programs run for random times on random inputs.
        var definition = InterpreterTopologies.L1();
        var layer = new ProgrammableLayer(definition);
        var module = new TransitionModule(layer, PreparatoryPhase.Default);
        var random = new Random(7);
        var inputs = new double[definition.InputCount];
        var worst = 0.0;
        for (var trial = 0; trial < 500; trial++)
        {
            layer.Reset();
            layer.SetCode([.. Enumerable.Range(0, layer.CodeLength).Select(_ => random.NextDouble() * 10 - 5)]);
            for (var step = random.Next(1, 200); step > 0; step--)
            {
                for (var k = 0; k < inputs.Length; k++)
                {
                    inputs[k] = random.NextDouble();
                }

                layer.Step(inputs);
            }

            module.Switch();
            for (var step = 0; step < module.Phase.Steps; step++)
            {
                Assert.True(module.Preparing);
                module.Step(inputs);
            }

            Assert.False(module.Preparing);
            for (var i = 0; i < layer.NeuronCount; i++)
            {
                worst = Math.Max(worst, Math.Abs(layer.State[i] - layer.InitialState[i]));
            }
        }

        // Stated: 10 steps at gain 0.5 end within (1 - 0.5)^10 < 0.001 of the initial state.
        Assert.True(PreparatoryPhase.Default.Tolerance < 1e-3);
        Assert.InRange(worst, 0, PreparatoryPhase.Default.Tolerance);
        Assert.True(worst > 0, "the phase never had anything to correct: the test would not catch a broken contraction");
    }

    [Fact]
    public void With_the_phase_off_a_run_with_switches_is_bit_identical_to_the_bare_layer()
    {
        var (definition, code) = RandomLayers.Create(seed: 3, MulKind.Published);
        var other = code.Select(v => -v).ToArray();
        var bare = new ProgrammableLayer(definition);
        var wrapped = new ProgrammableLayer(definition);
        var module = new TransitionModule(wrapped, PreparatoryPhase.Off);
        var inputs = RandomLayers.Inputs(seed: 4, steps: 400, width: definition.InputCount);
        for (var step = 0; step < inputs.Length; step++)
        {
            if (step % 50 == 0)
            {
                var next = step / 50 % 2 == 0 ? code : other;
                bare.SetCode(next);
                wrapped.SetCode(next);
                module.Switch();
            }

            bare.Step(inputs[step]);
            module.Step(inputs[step]);
            Assert.False(module.Preparing);
            Assert.True(bare.State.SequenceEqual(wrapped.State), $"step {step} differs");
        }
    }

    [Fact]
    public void A_program_prepared_for_starts_exactly_as_in_isolation_when_the_phase_ends_on_its_state()
    {
        // Gain 1 reaches the target in one step: the program then runs as if freshly reset, bit for bit.
        var (definition, code) = RandomLayers.Create(seed: 5, MulKind.Published);
        var isolated = new ProgrammableLayer(definition);
        isolated.SetCode(code);
        var chained = new ProgrammableLayer(definition);
        chained.SetCode(code.Select(v => v / 2 + 1).ToArray());
        var module = new TransitionModule(chained, new PreparatoryPhase(1, 1));
        var inputs = RandomLayers.Inputs(seed: 6, steps: 300, width: definition.InputCount);
        for (var step = 0; step < 100; step++)
        {
            module.Step(inputs[step]);
        }

        chained.SetCode(code);
        module.Switch();
        module.Step(inputs[0]);
        for (var step = 0; step < 200; step++)
        {
            isolated.Step(inputs[step]);
            module.Step(inputs[step]);
        }

        Assert.True(isolated.State.SequenceEqual(chained.State));
    }

    [Fact]
    public void Preparing_and_switching_allocate_nothing()
    {
        var layer = new ProgrammableLayer(InterpreterTopologies.L1());
        var module = new TransitionModule(layer, PreparatoryPhase.Default);
        var inputs = new double[layer.InputCount];
        for (var i = 0; i < 1000; i++)
        {
            module.Step(inputs);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            if (i % 25 == 0)
            {
                module.Switch();
            }

            module.Step(inputs);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(-1, 0.5, "preparatory steps must be between 0 and 10000 (got -1)")]
    [InlineData(10, 0, "preparatory gain must be in (0, 1] (got 0)")]
    [InlineData(10, 1.5, "preparatory gain must be in (0, 1] (got 1.5)")]
    public void Impossible_phases_get_one_clear_error(int steps, double gain, string message)
    {
        var layer = new ProgrammableLayer(InterpreterTopologies.L1());
        var error = Assert.Throws<ArgumentException>(() => new TransitionModule(layer, new PreparatoryPhase(steps, gain)));
        Assert.StartsWith(message, error.Message);
    }
}
