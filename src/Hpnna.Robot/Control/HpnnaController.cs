using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Transitions;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Robot.Control;

/// <summary>
/// The whole HPNNA on the robot: sonar proximities and the junction trigger (from L1's last output) into
/// the hierarchy, L1's output out as a velocity setpoint. L2 reads the trigger's pulse; the selection is held
/// while a junction turn or its pulse is on, and goal swaps land between turns (<see cref="GoalSwitch"/>).
/// Allocation-free per tick.
/// </summary>
public sealed class HpnnaController : IController
{
    private readonly Hierarchy _hierarchy;
    private readonly SonarGrouping _grouping;
    private readonly MotorRange _motors;
    private readonly JunctionTrigger _trigger;

    /// <param name="goal">The goal whose code L2 runs (1-8, for the route it reports; 0 when not named).</param>
    public HpnnaController(Hierarchy hierarchy, SonarGrouping grouping, MotorRange motors, JunctionTrigger trigger, int goal = 0)
    {
        _hierarchy = hierarchy;
        _grouping = grouping;
        _motors = motors;
        _trigger = trigger;
        Goals = new GoalSwitch(hierarchy.L2, goal, ControllerDefaults.PulseSteps, ControllerDefaults.SettleSteps);
    }

    public Hierarchy Hierarchy => _hierarchy;

    /// <summary>The route so far and goal swaps.</summary>
    public GoalSwitch Goals { get; }

    /// <summary>
    /// The controller the shipped programs were trained for: <see cref="ControllerDefaults"/> (proximities grouped
    /// from <paramref name="layout"/> by heading; a layout with no sensor for a group is refused here),
    /// L1 and L2 built from their definitions as <paramref name="l1Modules"/> and <paramref name="l2Modules"/>
    /// voting modules, each fed the codes on its own lines (<see cref="ModuleVote"/>), and L2 stepping every
    /// <see cref="ControllerDefaults.L2StepSeconds"/>. A goal swapped mid-run prepares L2 with <paramref name="goalPhase"/>
    /// (<see cref="ControllerDefaults.GoalPhase"/> unless given). <paramref name="goalNumber"/> names the goal of
    /// <paramref name="goal"/> (1-8) for the route the controller reports.
    /// </summary>
    public static HpnnaController Create(LayerDefinition l1, LayerDefinition l2, ReadOnlySpan<double> rightWall, ReadOnlySpan<double> leftWall, ReadOnlySpan<double> goal, SensorLayout layout, double controlPeriod, PreparatoryPhase? l1Transition = null, int l2Modules = InterpreterTopologies.L2Modules, int l1Modules = InterpreterTopologies.L1Modules, int goalNumber = 0, PreparatoryPhase? goalPhase = null)
    {
        ModuleVote.EnsureModuleCount(l1Modules);
        var grouping = ControllerDefaults.Grouping(layout); // refuses a layout L1 cannot be fed from, before anything is built
        var hierarchy = new Hierarchy([.. Enumerable.Range(0, l1Modules).Select(_ => new L1Interpreter(l1))], new L2Interpreter(l2, l2Modules, goalPhase ?? ControllerDefaults.GoalPhase), rightWall, leftWall, goal, ControllerDefaults.L2PeriodTicks(controlPeriod), holdsThroughTurns: true, l1Transition);
        return new HpnnaController(hierarchy, grouping, ControllerDefaults.Motors, ControllerDefaults.Trigger(controlPeriod), goalNumber);
    }

    /// <summary>
    /// As the other <c>Create</c>, with every voting module fed its own lines: one code per module (the counts
    /// give the modules), as when each module's programming lines are perturbed on their own.
    /// </summary>
    public static HpnnaController Create(LayerDefinition l1, LayerDefinition l2, IReadOnlyList<double[]> rightWallLines, IReadOnlyList<double[]> leftWallLines, IReadOnlyList<double[]> goalLines, SensorLayout layout, double controlPeriod, PreparatoryPhase? l1Transition = null, int goalNumber = 0, PreparatoryPhase? goalPhase = null)
    {
        if (rightWallLines.Count != leftWallLines.Count)
        {
            throw new ArgumentException($"every L1 module needs lines for Pr and Pl (got {rightWallLines.Count} and {leftWallLines.Count})", nameof(leftWallLines));
        }

        var controller = Create(l1, l2, rightWallLines[0], leftWallLines[0], goalLines[0], layout, controlPeriod, l1Transition, goalLines.Count, rightWallLines.Count, goalNumber, goalPhase);
        for (var m = 1; m < goalLines.Count; m++)
        {
            controller._hierarchy.L2.SetModuleCode(m, goalLines[m]);
        }

        for (var m = 1; m < rightWallLines.Count; m++)
        {
            controller._hierarchy.SetModulePrimitive(m, Primitive.RightWall, rightWallLines[m]);
            controller._hierarchy.SetModulePrimitive(m, Primitive.LeftWall, leftWallLines[m]);
        }

        return controller;
    }

    /// <summary>The trigger L2 was fed at the last tick.</summary>
    public double LastTrigger { get; private set; }

    /// <summary>The primitive in charge, L2's selection and the trigger, for traces (allocates; never read per tick).</summary>
    public string Activity => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{(_hierarchy.AppliedSelection >= 0.5 ? "Pr" : "Pl")} o={_hierarchy.Selection:F2} trigger={LastTrigger:F0}");

    public void Reset()
    {
        _hierarchy.Reset();
        _trigger.Reset();
        Goals.Reset();
        LastTrigger = 0;
    }

    public DriveCommand Update(SensorFrame frame)
    {
        var wasTurning = _trigger.Turning;
        var rightInCharge = _hierarchy.AppliedSelection >= 0.5; // the primitive in charge takes the corner
        LastTrigger = _trigger.Update(_hierarchy.Output);
        if (_trigger.Turning && !wasTurning)
        {
            Goals.TurnStarted(rightInCharge);
        }

        var holding = _trigger.Turning || LastTrigger >= 0.5;
        Goals.Update(holding, _trigger.Approaching, rightInCharge);
        return _motors.ToCommand(_hierarchy.Step(_grouping.Group(frame.Ranges), LastTrigger, holding));
    }
}
