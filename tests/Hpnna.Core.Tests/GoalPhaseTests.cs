using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Core.Transitions;

namespace Hpnna.Core.Tests;

/// <summary>L2's goal phase and the corridor states it prepares toward.</summary>
public sealed class GoalPhaseTests
{
    private static readonly LayerDefinition L2 = InterpreterTopologies.L2(MulKind.Published);

    [Fact]
    public void Corridor_states_are_the_codes_own_run_on_one_pulse_per_junction()
    {
        var code = RandomCode(seed: 3);
        var states = CorridorStates.Of(L2, code, junctions: 3, pulseSteps: 6, settleSteps: 40);

        var module = new ProgrammableLayer(L2);
        module.SetCode(code);
        for (var k = 0; k <= 3; k++)
        {
            Run(module, k > 0 ? 6 : 0, 1.0);
            Run(module, 40, 0.0);
            Assert.Equal(module.State.ToArray(), states.After(k).ToArray());
        }

        Assert.Equal(3, states.Junctions);
        Assert.Equal(states.After(3).ToArray(), states.After(7).ToArray()); // beyond the last junction: the last corridor's
        Assert.NotEqual(states.After(0).ToArray(), states.After(1).ToArray());
    }

    [Fact]
    public void A_one_step_phase_at_gain_one_puts_every_module_on_the_target_at_the_next_step()
    {
        var l2 = new L2Interpreter(L2, modules: 3, new PreparatoryPhase(1, 1.0));
        l2.SetCode(RandomCode(seed: 4));
        for (var s = 0; s < 30; s++)
        {
            l2.Step(s % 10 < 3 ? 1 : 0);
        }

        double[] target = [0.9, 0.1, 0.3, 0.7];
        l2.Prepare(target);
        Assert.True(l2.Preparing);
        l2.Step(1.0); // the trigger is not read while preparing
        Assert.False(l2.Preparing);
        Assert.Equal(target, l2.State.ToArray());
        Assert.Equal(0.9, l2.Selection); // every module voted the target's selection
    }

    [Fact]
    public void With_the_phase_off_prepare_changes_nothing()
    {
        var plain = new L2Interpreter(L2, modules: 3);
        var off = new L2Interpreter(L2, modules: 3, PreparatoryPhase.Off);
        var code = RandomCode(seed: 5);
        plain.SetCode(code);
        off.SetCode(code);
        for (var s = 0; s < 80; s++)
        {
            if (s == 20)
            {
                off.Prepare([0.9, 0.1, 0.3, 0.7]);
            }

            Assert.Equal(plain.Step(s % 25 < 6 ? 1 : 0), off.Step(s % 25 < 6 ? 1 : 0));
            Assert.False(off.Preparing);
        }
    }

    private static void Run(ProgrammableLayer module, int steps, double trigger)
    {
        for (var s = 0; s < steps; s++)
        {
            module.Step([trigger]);
        }
    }

    private static double[] RandomCode(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, L2.CodeLength).Select(_ => L2.WeightRange.Min + (L2.WeightRange.Max - L2.WeightRange.Min) * random.NextDouble())];
    }
}
