using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;

namespace Hpnna.Core.Tests;

public sealed class InterpreterTests
{
    [Theory]
    [InlineData(MulKind.Published, 39)]
    [InlineData(MulKind.Precise, 2 + 48 + 1)]
    [InlineData(MulKind.Ideal, 3)]
    public void Default_l1_has_the_papers_39_neurons_and_12_value_code(MulKind mul, int neurons)
    {
        var l1 = new L1Interpreter(InterpreterTopologies.L1(mul));

        Assert.Equal(12, l1.Layer.CodeLength);
        Assert.Equal(neurons, l1.Layer.TotalNeuronCount);
    }

    [Fact]
    public void Default_l2_reads_one_trigger_and_has_a_24_value_code()
    {
        var l2 = new L2Interpreter(InterpreterTopologies.L2());

        Assert.Equal(1, l2.Definition.InputCount);
        Assert.Equal(24, l2.CodeLength);
    }

    [Fact]
    public void Voting_modules_fed_one_code_select_exactly_as_one_module()
    {
        var definition = InterpreterTopologies.L2(MulKind.Published);
        var one = new L2Interpreter(definition);
        var three = new L2Interpreter(definition, InterpreterTopologies.L2Modules);
        var goal = Enumerable.Range(0, definition.CodeLength).Select(i => ((i * 7) % 11) - 5.0).ToArray();
        one.SetCode(goal);
        three.SetCode(goal);

        for (var step = 0; step < 60; step++)
        {
            var trigger = step % 20 < 5 ? 1.0 : 0.0;
            Assert.Equal(one.Step(trigger), three.Step(trigger));
        }
    }

    [Fact]
    public void A_module_with_other_lines_is_outvoted_by_the_two_that_agree()
    {
        var definition = InterpreterTopologies.L2(MulKind.Ideal);
        var selectionBias = IndexOf(definition, "b[0]");
        var high = new double[definition.CodeLength];
        high[selectionBias] = 4.0;
        var low = new double[definition.CodeLength];
        low[selectionBias] = -4.0;
        var majority = new L2Interpreter(definition);
        majority.SetCode(high);
        var voted = new L2Interpreter(definition, 3);
        voted.SetCode(high);
        voted.SetModuleCode(1, low);

        for (var step = 0; step < 20; step++)
        {
            Assert.Equal(majority.Step(1.0), voted.Step(1.0));
        }

        Assert.True(voted.Selection > 0.9, $"the two high modules carry the vote ({voted.Selection})");
        voted.SetModuleCode(0, low);
        for (var step = 0; step < 20; step++)
        {
            voted.Step(1.0);
        }

        Assert.True(voted.Selection < 0.1, $"two low modules now carry it ({voted.Selection})");
    }

    [Fact]
    public void Voting_l1_modules_fed_the_same_primitives_drive_exactly_as_one()
    {
        var one = CreateHierarchy(MulKind.Published, selectionBias: 0.5, l1Modules: 1);
        var five = CreateHierarchy(MulKind.Published, selectionBias: 0.5, l1Modules: 5);

        for (var step = 0; step < 80; step++)
        {
            var proximities = new Proximities(0.1 * (step % 7), 0.3, step % 20 < 4 ? 0.8 : 0.1);
            var trigger = step % 20 < 4 ? 1.0 : 0.0;
            Assert.Equal(one.Step(proximities, trigger), five.Step(proximities, trigger));
        }
    }

    [Fact]
    public void An_l1_module_with_other_lines_is_outvoted_on_each_output()
    {
        var single = CreateHierarchy(MulKind.Ideal, selectionBias: 4, l1Modules: 1);
        var voted = CreateHierarchy(MulKind.Ideal, selectionBias: 4, l1Modules: 3);
        var astray = Code(("b[0]", -4.0), ("b[1]", 4.0));
        voted.SetModulePrimitive(2, Primitive.RightWall, astray);

        for (var step = 0; step < 40; step++)
        {
            var proximities = new Proximities(0.2, 0.4, 0.1);
            Assert.Equal(single.Step(proximities, 0), voted.Step(proximities, 0));
        }

        Assert.NotEqual(single.Output, voted.L1Modules[2].Output);
        Assert.Equal(astray, voted.L1Modules[2].Layer.Code.ToArray());
    }

    [Fact]
    public void A_posted_primitive_lands_on_every_l1_module()
    {
        var hierarchy = CreateHierarchy(MulKind.Ideal, selectionBias: 4, l1Modules: 3);
        var replacement = Code(("b[0]", 2.0));

        hierarchy.PostPrimitive(Primitive.RightWall, replacement);
        hierarchy.Step(new Proximities(0, 0, 0), 0);

        Assert.All(hierarchy.L1Modules, m => Assert.Equal(hierarchy.L1.Layer.Code.ToArray(), m.Layer.Code.ToArray()));
        Assert.Equal(replacement, hierarchy.PrimitiveCode(Primitive.RightWall).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(11)]
    public void An_l2_votes_with_an_odd_number_of_modules(int modules) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new L2Interpreter(InterpreterTopologies.L2(), modules));

    [Fact]
    public void Interpreters_refuse_layers_of_the_wrong_shape()
    {
        Assert.Throws<ArgumentException>(() => new L1Interpreter(InterpreterTopologies.L2()));
        Assert.Throws<ArgumentException>(() => new L2Interpreter(InterpreterTopologies.L1()));
    }

    [Fact]
    public void L1_code_decides_the_behaviour_on_the_same_inputs()
    {
        // Drive the angular neuron with the right proximity (+5) or against it (-5): two "programs".
        var turnTowards = Code(("V[1][0]", 5.0));
        var turnAway = Code(("V[1][0]", -5.0));
        var near = new Proximities(Right: 1.0, Left: 0.0, Front: 0.0);

        var towards = RunL1(turnTowards, near);
        var away = RunL1(turnAway, near);

        Assert.True(towards.Angular > 0.9, $"angular {towards.Angular}");
        Assert.True(away.Angular < 0.1, $"angular {away.Angular}");
    }

    [Fact]
    public void Hierarchy_feeds_l1_the_blend_of_pr_and_pl_weighted_by_l2s_gated_output()
    {
        var hierarchy = CreateHierarchy(MulKind.Published, selectionBias: 0.0);

        hierarchy.Step(new Proximities(0.2, 0.3, 0.1), trigger: 0.0);

        var o = hierarchy.Selection;
        var gated = Math.Clamp(0.5 + (o - 0.5) / (2 * Hierarchy.SelectionMargin), 0, 1);
        var pr = hierarchy.PrimitiveCode(Primitive.RightWall);
        var pl = hierarchy.PrimitiveCode(Primitive.LeftWall);
        var l1Code = hierarchy.L1.Layer.Code;
        Assert.InRange(gated, 0.05, 0.95);
        for (var c = 0; c < l1Code.Length; c++)
        {
            Assert.Equal(gated * pr[c] + (1 - gated) * pl[c], l1Code[c], 1e-12);
        }
    }

    [Fact]
    public void L2_steps_once_per_period_on_the_mean_trigger()
    {
        var l2 = new L2Interpreter(InterpreterTopologies.L2(MulKind.Ideal));
        var reference = new L2Interpreter(InterpreterTopologies.L2(MulKind.Ideal));
        var goal = Enumerable.Range(0, l2.CodeLength).Select(i => (i % 5) - 2.0).ToArray();
        reference.SetCode(goal);
        var code = new double[InterpreterTopologies.L1().CodeLength];
        var hierarchy = new Hierarchy(new L1Interpreter(InterpreterTopologies.L1(MulKind.Ideal)), l2, code, code, goal, l2Period: 4);

        var triggers = new[] { 0.0, 1, 1, 0, 1, 1, 1, 1 };
        foreach (var t in triggers)
        {
            hierarchy.Step(new Proximities(0, 0, 0), t);
        }

        reference.Step(0.5);
        reference.Step(1.0);
        Assert.Equal(reference.Selection, hierarchy.Selection, 1e-15);
    }

    [Fact]
    public void Holding_through_turns_freezes_the_selection_while_the_trigger_is_high()
    {
        // A goal code whose selection rises with the trigger: without the hold L1's code follows it at once.
        var l2Definition = InterpreterTopologies.L2(MulKind.Ideal);
        var goal = new double[l2Definition.CodeLength];
        goal[IndexOf(l2Definition, "V[0][0]")] = 5.0;
        goal[IndexOf(l2Definition, "b[0]")] = -2.5;
        var pr = Code(("V[1][0]", 4.0));
        var pl = Code(("V[1][1]", 4.0));
        Hierarchy Create(bool hold) => new(new L1Interpreter(InterpreterTopologies.L1(MulKind.Ideal)), new L2Interpreter(l2Definition), pr, pl, goal, holdsThroughTurns: hold);
        var held = Create(hold: true);
        var free = Create(hold: false);
        var near = new Proximities(0.2, 0.3, 0.1);
        for (var t = 0; t < 20; t++)
        {
            held.Step(near, 0.0);
            free.Step(near, 0.0);
        }

        var beforeTurn = held.AppliedSelection;
        var l1CodeBeforeTurn = held.L1.Layer.Code.ToArray();
        for (var t = 0; t < 20; t++)
        {
            held.Step(near, 1.0);
            free.Step(near, 1.0);
            Assert.Equal(beforeTurn, held.AppliedSelection);
            Assert.Equal(l1CodeBeforeTurn, held.L1.Layer.Code.ToArray());
        }

        Assert.True(free.AppliedSelection > beforeTurn + 0.5, $"without the hold the selection follows L2 ({beforeTurn} -> {free.AppliedSelection})");
        Assert.Equal(free.Selection, held.Selection);

        held.Step(near, 0.0);
        free.Step(near, 0.0);
        Assert.Equal(free.AppliedSelection, held.AppliedSelection);

        // Told apart from the trigger, the hold outlasts a pulse that has ended (a turn still on) and ends
        // with the turn even while the pulse is high.
        void ThroughAPulse()
        {
            held.Reset();
            for (var t = 0; t < 40; t++)
            {
                held.Step(near, t < 20 ? 0.0 : 1.0);
            }
        }

        ThroughAPulse();
        for (var t = 0; t < 5; t++)
        {
            held.Step(near, 0.0, holding: true);
            Assert.Equal(beforeTurn, held.AppliedSelection);
        }

        ThroughAPulse();
        held.Step(near, 1.0, holding: false);
        Assert.True(held.AppliedSelection > beforeTurn + 0.5, $"released, the selection follows L2 ({beforeTurn} -> {held.AppliedSelection})");
    }

    [Theory]
    [InlineData(5.0, Primitive.RightWall)]
    [InlineData(-5.0, Primitive.LeftWall)]
    public void A_saturated_l2_output_selects_one_primitive(double selectionBias, Primitive selected)
    {
        var hierarchy = CreateHierarchy(MulKind.Ideal, selectionBias);

        for (var step = 0; step < 50; step++)
        {
            hierarchy.Step(new Proximities(0.2, 0.3, 0.1), trigger: 0.0);
        }

        var expected = hierarchy.PrimitiveCode(selected);
        var l1Code = hierarchy.L1.Layer.Code;
        for (var c = 0; c < l1Code.Length; c++)
        {
            Assert.Equal(expected[c], l1Code[c], 0.05);
        }
    }

    [Fact]
    public void Primitives_posted_from_another_thread_land_at_the_next_step()
    {
        var hierarchy = CreateHierarchy(MulKind.Ideal, selectionBias: 5.0);
        var replacement = Code(("V[0][2]", -3.0), ("b[0]", 2.0));

        hierarchy.PostPrimitive(Primitive.RightWall, replacement);
        Assert.NotEqual(replacement, hierarchy.PrimitiveCode(Primitive.RightWall).ToArray());
        hierarchy.Step(new Proximities(0, 0, 0), 0);

        Assert.Equal(replacement, hierarchy.PrimitiveCode(Primitive.RightWall).ToArray());
        Assert.Throws<ArgumentException>(() => hierarchy.PostPrimitive(Primitive.LeftWall, new double[5]));
    }

    internal static Hierarchy CreateHierarchy(MulKind mul, double selectionBias, int l1Modules = InterpreterTopologies.L1Modules)
    {
        var l1Definition = InterpreterTopologies.L1(mul);
        L1Interpreter[] l1 = [.. Enumerable.Range(0, l1Modules).Select(_ => new L1Interpreter(l1Definition))];
        var l2 = new L2Interpreter(InterpreterTopologies.L2(mul), InterpreterTopologies.L2Modules);
        var goal = new double[l2.CodeLength];
        var selectionBiasIndex = IndexOf(l2.Definition, "b[0]");
        goal[selectionBiasIndex] = selectionBias;
        return new Hierarchy(l1, l2, Code(("V[1][0]", 4.0), ("b[0]", 1.0)), Code(("V[1][1]", 4.0), ("b[0]", -1.0)), goal);
    }

    private static MotorOutput RunL1(double[] code, Proximities proximities)
    {
        var l1 = new L1Interpreter(InterpreterTopologies.L1());
        l1.Layer.SetCode(code);
        var output = l1.Output;
        for (var step = 0; step < 100; step++)
        {
            output = l1.Step(proximities);
        }

        return output;
    }

    internal static double[] Code(params (string Connection, double Value)[] values)
    {
        var definition = InterpreterTopologies.L1();
        var code = new double[definition.CodeLength];
        foreach (var (connection, value) in values)
        {
            code[IndexOf(definition, connection)] = value;
        }

        return code;
    }

    internal static int IndexOf(LayerDefinition definition, string connection)
    {
        Assert.True(Connection.TryParse(connection, out var parsed));
        return definition.Programmable.ToList().IndexOf(parsed);
    }
}
