using System.Globalization;
using Hpnna.Common.Validation;
using Hpnna.Core.Description;
using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Programs.CommandLink;
using Hpnna.Host.Configuration;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.CommandLink;

/// <summary>
/// The running controller as the command link sees it. Every change is validated against the interpreters
/// the loop runs, then posted through the hierarchy's code mailboxes and the goal switch, which the control
/// thread takes whole at its next tick boundary (a goal after the turn under way): the link thread never
/// touches the control thread's state and the tick never waits.
/// </summary>
public sealed class ControllerTarget(ProgramSet programs, HpnnaController controller, ControlLoop loop, string goal) : IProgramTarget
{
    private readonly Lock _lock = new();
    private ProgramLibrary _l1 = programs.L1;
    private ProgramLibrary _l2 = programs.L2;
    private string _goal = goal;

    public string? SelectGoal(string goal)
    {
        lock (_lock)
        {
            if (!_l2.Contains(goal))
            {
                return $"the L2 library has no program {goal}";
            }

            return Swap(goal, _l2[goal].Code);
        }
    }

    public string? ReplaceCode(string program, double[] code)
    {
        lock (_lock)
        {
            var isGoal = ProgramLibrary.KnownNames(_l2.Interpreter)?.Contains(program) == true;
            var library = isGoal ? _l2 : _l1;
            if (!isGoal && !ProgramSet.Primitives.Contains(program) && !library.Contains(program))
            {
                return $"no program '{program}': L1 has {string.Join(", ", _l1.Programs.Select(p => p.Name))}, L2 has G1..G8";
            }

            var problems = library.Interpreter.ValidateCode(code, $"code for {program}");
            if (problems.Count > 0)
            {
                return string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"));
            }

            var replaced = library.With(new NamedProgram(program, code, null));
            if (isGoal)
            {
                if (program == _goal && Swap(program, code) is { } refused)
                {
                    return refused;
                }

                _l2 = replaced;
            }
            else
            {
                _l1 = replaced;
                Post(program, code);
            }

            return null;
        }
    }

    public string? LoadLibrary(string level, string path)
    {
        ProgramLibrary loaded;
        try
        {
            loaded = ProgramLibrary.Load(path);
        }
        catch (InvalidDescriptionException e)
        {
            return e.Message.ReplaceLineEndings(" ");
        }

        lock (_lock)
        {
            var running = level == "L1" ? _l1 : _l2;
            if (Describe(loaded.Interpreter) != Describe(running.Interpreter))
            {
                return $"{path} was trained for another interpreter than the running {level}";
            }

            if (level == "L1")
            {
                var missing = ProgramSet.Primitives.Where(p => !loaded.Contains(p)).ToArray();
                if (missing.Length > 0)
                {
                    return $"{path} lacks {string.Join(" and ", missing)}";
                }

                if (ProgramChoice.LearnedWith(loaded) != ProgramChoice.LearnedWith(running))
                {
                    return $"{path} was learned with the sensor layout '{ProgramChoice.LearnedWith(loaded)}', the running L1 with '{ProgramChoice.LearnedWith(running)}'";
                }

                _l1 = loaded;
                foreach (var primitive in ProgramSet.Primitives)
                {
                    Post(primitive, loaded[primitive].Code);
                }
            }
            else
            {
                if (!loaded.Contains(_goal))
                {
                    return $"{path} has no program for the current goal {_goal}";
                }

                if (Swap(_goal, loaded[_goal].Code) is { } refused)
                {
                    return refused;
                }

                _l2 = loaded;
            }

            return null;
        }
    }

    public string? Stop()
    {
        loop.Tick.Holding = true;
        return null;
    }

    public string? Resume()
    {
        loop.Tick.Holding = false;
        return null;
    }

    public string? Restart()
    {
        controller.Goals.Restarting();
        loop.Tick.RequestRestart();
        return null;
    }

    public string Status()
    {
        var m = loop.Metrics;
        var route = controller.Goals.Route;
        var goal = route.Goal > 0 ? GoalRoutes.Name(route.Goal) : "?";
        var pending = route.Pending > 0 ? $" pending={GoalRoutes.Name(route.Pending)}" : "";
        var primitive = controller.Hierarchy.AppliedSelection >= 0.5 ? "Pr" : "Pl";
        return string.Create(CultureInfo.InvariantCulture, $"goal={goal}{pending} junctions={route.Junctions} turns={route.Turns} turning={(route.Turning || route.Approaching ? "yes" : "no")} dropped={controller.Goals.Dropped} primitive={primitive} state={(loop.Tick.DeadSonar >= 0 ? $"stopped-dead-sonar-{loop.Tick.DeadSonar}" : loop.Tick.Holding ? "stopped" : !loop.Tick.RobotReady ? "waiting-for-robot" : loop.Tick.Implausible is not null ? "stopped-implausible-sonars" : "running")} ticks={m.Ticks} late={m.Late} overruns={m.Overruns} skipped={m.Skipped}");
    }

    /// <summary>Asks the controller for <paramref name="goal"/> run by <paramref name="code"/>; the reason when the route no longer leads there.</summary>
    private string? Swap(string goal, double[] code)
    {
        if (controller.Goals.Request(GoalRoutes.Number(goal), code) is { } refused)
        {
            return refused;
        }

        _goal = goal;
        return null;
    }

    private void Post(string program, double[] code)
    {
        if (program == "Pr")
        {
            controller.Hierarchy.PostPrimitive(Primitive.RightWall, code);
        }
        else if (program == "Pl")
        {
            controller.Hierarchy.PostPrimitive(Primitive.LeftWall, code);
        }
    }

    private static string Describe(LayerDefinition layer) => NetworkDescription.WithNeutralCode(layer).ToJson();
}
