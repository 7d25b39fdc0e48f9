using Hpnna.Core.Interpreters;
using Hpnna.Core.Muls;
using Hpnna.Core.Transitions;

namespace Hpnna.Core.Tests;

/// <summary>L1's preparatory phase inside the hierarchy: started by a change of primitive, off by default.</summary>
public sealed class HierarchyTransitionTests
{
    [Fact]
    public void A_switch_from_Pl_to_Pr_starts_L1s_phase_which_ends_at_L1s_initial_state()
    {
        var hierarchy = Create(new PreparatoryPhase(8, 0.6));
        var near = new Proximities(0.2, 0.7, 0.1);
        for (var step = 0; step < 30; step++)
        {
            hierarchy.Step(near, 0); // L2 settles on Pl (its first output, 0.5, counted as Pr: one phase here)
        }

        Assert.False(hierarchy.Preparing);
        Assert.True(hierarchy.AppliedSelection < 0.5);

        hierarchy.L2.SetCode(Goal(selectionBias: 5));
        var preparing = 0;
        for (var step = 0; step < 60; step++)
        {
            hierarchy.Step(near, 0);
            preparing += hierarchy.Preparing ? 1 : 0;
            // Preparing reads true after each of the phase's 8 steps but the last.
            if (preparing == 7 && !hierarchy.Preparing)
            {
                // The phase's last step has just run: L1 is within (1 - 0.6)^8 of its initial state.
                var state = hierarchy.L1.Layer.State;
                for (var i = 0; i < state.Length; i++)
                {
                    Assert.InRange(Math.Abs(state[i] - hierarchy.L1.Layer.InitialState[i]), 0, Math.Pow(0.4, 8));
                }

                preparing++;
            }
        }

        Assert.Equal(8, preparing); // exactly one phase of 8 steps, its end checked once
        Assert.True(hierarchy.AppliedSelection >= 0.5);
    }

    [Fact]
    public void Without_a_phase_the_hierarchy_steps_bit_for_bit_as_before()
    {
        var plain = Create(null);
        var off = Create(PreparatoryPhase.Off);
        var near = new Proximities(0.2, 0.7, 0.1);
        for (var step = 0; step < 120; step++)
        {
            if (step == 30)
            {
                plain.L2.SetCode(Goal(selectionBias: 5));
                off.L2.SetCode(Goal(selectionBias: 5));
            }

            Assert.Equal(plain.Step(near, 0), off.Step(near, 0));
            Assert.False(off.Preparing);
        }
    }

    private static Hierarchy Create(PreparatoryPhase? phase)
    {
        var l1 = new L1Interpreter(InterpreterTopologies.L1(MulKind.Published));
        var l2 = new L2Interpreter(InterpreterTopologies.L2(MulKind.Ideal));
        return new Hierarchy(l1, l2, InterpreterTests.Code(("V[1][0]", 4.0), ("b[0]", 1.0)), InterpreterTests.Code(("V[1][1]", 4.0), ("b[0]", -1.0)), Goal(selectionBias: -5), l1Transition: phase);
    }

    private static double[] Goal(double selectionBias)
    {
        var definition = InterpreterTopologies.L2(MulKind.Ideal);
        var goal = new double[definition.CodeLength];
        goal[InterpreterTests.IndexOf(definition, "b[0]")] = selectionBias;
        return goal;
    }
}
