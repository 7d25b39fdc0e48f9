using Hpnna.Core.Interpreters;
using Hpnna.Core.Muls;
using Hpnna.Core.Transitions;
using Hpnna.Robot.Control;

namespace Hpnna.Robot.Tests;

/// <summary>Goal swaps: refused when the route no longer leads there, landed between turns, L2 prepared for the junctions passed.</summary>
public sealed class GoalSwitchTests
{
    private static readonly Core.Layers.LayerDefinition Definition = InterpreterTopologies.L2(MulKind.Published);

    [Fact]
    public void A_swap_lands_at_the_next_tick_with_no_turn_on_and_its_code_on_every_module()
    {
        var (l2, goals) = Create();
        var landed = new List<string>();
        goals.Landed = landed.Add;
        var code = Code(2);

        Assert.Equal("there is no goal 9: goals are G1..G8", goals.Request(9, code));
        Assert.Null(goals.Request(8, code));
        Assert.Equal(1, goals.Route.Goal); // not before the control thread takes it

        goals.Update(turning: false, approaching: false, rightInCharge: false);
        Assert.Equal(new Route(8, 0, 0, 0, false), goals.Route);
        Assert.Equal(["G8"], landed);
        Assert.Equal(code, l2.Code.ToArray());
    }

    [Fact]
    public void A_goal_the_turns_taken_rule_out_is_refused_naming_those_still_reachable()
    {
        var (l2, goals) = Create();
        goals.TurnStarted(right: false);
        goals.Update(turning: true, approaching: false, rightInCharge: false);
        var before = l2.Code.ToArray();

        Assert.Equal("G5 (RLL) can no longer be reached: turns taken L; still reachable: G1, G2, G3, G4", goals.Request(5, Code(3)));
        goals.Update(turning: false, approaching: false, rightInCharge: false);
        Assert.Equal(1, goals.Route.Goal);
        Assert.Equal(before, l2.Code.ToArray());
    }

    [Fact]
    public void A_swap_during_a_turn_waits_for_its_end_and_prepares_L2_for_the_junctions_passed()
    {
        var (l2, goals) = Create();
        goals.TurnStarted(right: true);
        goals.Update(turning: true, approaching: false, rightInCharge: true);
        var code = Code(4);
        Assert.Null(goals.Request(7, code)); // RRL: agrees with the turn under way

        for (var t = 0; t < 5; t++)
        {
            goals.Update(turning: true, approaching: false, rightInCharge: true);
            Assert.Equal(new Route(1, 7, 1, 1, true, false, true), goals.Route);
        }

        goals.Update(turning: false, approaching: false, rightInCharge: true);
        Assert.Equal(7, goals.Route.Goal);
        Assert.Equal(0, goals.Route.Pending);
        Assert.True(l2.Preparing);
        l2.Step(0);
        Assert.Equal(CorridorStates.Of(Definition, code, 3, 6, 40).After(1).ToArray(), l2.State.ToArray());
    }

    [Fact]
    public void A_turn_begun_counts_as_the_primitive_in_charges_and_a_swap_it_rules_out_on_landing_is_dropped()
    {
        var (l2, goals) = Create();
        goals.Update(turning: false, approaching: true, rightInCharge: true);
        Assert.StartsWith("G1 (LLL) can no longer be reached: turns taken R;", goals.Request(1, Code(5)));
        Assert.Null(goals.Request(6, Code(6))); // RLR agrees with the right turn begun: accepted, waits
        goals.Update(turning: false, approaching: true, rightInCharge: true);
        Assert.Equal(6, goals.Route.Pending);

        // The turn that came went left after all (a late switch of the primitive): the landing drops the swap.
        var before = l2.Code.ToArray();
        goals.TurnStarted(right: false);
        goals.Update(turning: true, approaching: false, rightInCharge: false);
        goals.Update(turning: false, approaching: false, rightInCharge: false);
        Assert.Equal(new Route(1, 0, 1, 0, false), goals.Route);
        Assert.Equal(1, goals.Dropped);
        Assert.Equal(before, l2.Code.ToArray());
        Assert.False(l2.Preparing);
    }

    [Fact]
    public void Back_at_the_start_no_junction_is_passed_and_the_goal_in_effect_stays()
    {
        var (_, goals) = Create();
        Assert.Null(goals.Request(3, Code(7)));
        goals.Update(turning: false, approaching: false, rightInCharge: false);
        goals.TurnStarted(right: false);
        goals.Update(turning: true, approaching: false, rightInCharge: false);
        goals.Reset();
        Assert.Equal(new Route(3, 0, 0, 0, false), goals.Route);
    }

    [Fact]
    public void After_a_restart_every_goal_is_within_reach_before_the_control_thread_resets()
    {
        var (_, goals) = Create();
        goals.TurnStarted(right: false);
        goals.Update(turning: true, approaching: false, rightInCharge: false);
        goals.Update(turning: false, approaching: false, rightInCharge: false);
        Assert.NotNull(goals.Request(8, Code(8)));

        goals.Restarting(); // the link thread: RESTART, the robot carried back to the start
        Assert.Null(goals.Request(8, Code(8)));
        goals.Reset(); // the control thread's next tick
        goals.Update(turning: false, approaching: false, rightInCharge: false);
        Assert.Equal(new Route(8, 0, 0, 0, false), goals.Route);
    }

    [Theory]
    [InlineData(1, 0, 0, 0, false, false, false)]
    [InlineData(8, 5, 3, 0b101, true, false, true)]
    [InlineData(0, 0, 255, 0xFFFF, false, true, false)]
    public void A_route_survives_packing(int goal, int pending, int junctions, int right, bool turning, bool approaching, bool rightInCharge)
    {
        var route = new Route(goal, pending, junctions, right, turning, approaching, rightInCharge);
        Assert.Equal(route, Route.Unpack(route.Pack()));
    }

    [Fact]
    public void A_route_reaches_the_goals_whose_turns_it_has_taken()
    {
        var route = new Route(1, 0, 0, 0, false).WithTurn(right: false).WithTurn(right: true);
        Assert.Equal("LR", route.Turns);
        Assert.Equal("G3, G4", route.Reachable());
        Assert.Equal("none", route.WithTurn(true).WithTurn(true).Reachable()); // past the last junction
        Assert.Equal("-", new Route(1, 0, 0, 0, false).Turns);
    }

    private static (L2Interpreter L2, GoalSwitch Goals) Create()
    {
        var l2 = new L2Interpreter(Definition, modules: 3, new PreparatoryPhase(1, 1.0));
        l2.SetCode(Code(1));
        return (l2, new GoalSwitch(l2, goal: 1, pulseSteps: 6, settleSteps: 40));
    }

    private static double[] Code(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, Definition.CodeLength).Select(_ => Definition.WeightRange.Min + (Definition.WeightRange.Max - Definition.WeightRange.Min) * random.NextDouble())];
    }
}
