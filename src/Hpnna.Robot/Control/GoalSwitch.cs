using Hpnna.Common.Threading;
using Hpnna.Core.Interpreters;
using Hpnna.Core.Transitions;

namespace Hpnna.Robot.Control;

/// <summary>
/// Goal swaps at run time: a new goal takes effect from where the robot is, if the turns it has taken still
/// lead there.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm. The control thread counts junction turns (the trigger's turns) and records the primitive in
/// charge at each, and publishes that <see cref="Route"/> every tick. <see cref="Request"/> (any thread)
/// refuses a goal the route no longer leads to, computes where the new code holds L2 in each corridor
/// (<see cref="CorridorStates"/>, a noise-free simulation), and posts code and states whole. The control
/// thread lands the swap at the first tick no turn is on or begun (a swap asked for during a turn waits for
/// its end, so the corner is finished by the primitive that began it, and the turn counts as taken by it),
/// checks the route again (a turn may have begun since), puts the code on every L2 module's lines and starts
/// L2's goal phase toward the state for the junctions passed. Landing copies into buffers made here: no allocation, no lock, a fixed cost.
/// </para>
/// <para>
/// A swap the second check rules out (a turn begun between the request and the landing went the other way)
/// is dropped: it changes nothing and is counted in <see cref="Dropped"/>.
/// </para>
/// </remarks>
public sealed class GoalSwitch
{
    private readonly L2Interpreter _l2;
    private readonly int _pulseSteps;
    private readonly int _settleSteps;
    private readonly TripleBuffer<GoalRequest> _requests;
    private readonly Lock _writerLock = new();
    private Route _route;
    private bool _waiting;
    private long _published;
    private int _dropped;
    private volatile bool _restarting;

    /// <param name="pulseSteps">L2 steps of one junction pulse.</param>
    /// <param name="settleSteps">L2 steps of corridor after which L2's state is taken as settled.</param>
    public GoalSwitch(L2Interpreter l2, int goal, int pulseSteps, int settleSteps)
    {
        if (goal is < 0 or > GoalRoutes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(goal), goal, $"a goal is 1 to {GoalRoutes.Count} (0: not named)");
        }

        _l2 = l2;
        _pulseSteps = pulseSteps;
        _settleSteps = settleSteps;
        _requests = new TripleBuffer<GoalRequest>(() => new GoalRequest(l2.Modules, l2.CodeLength, (GoalRoutes.Junctions + 1) * l2.NeuronCount));
        _route = new Route(goal, 0, 0, 0, false);
        Publish();
    }

    /// <summary>The route as the control thread last published it (any thread).</summary>
    public Route Route => Route.Unpack(Volatile.Read(ref _published));

    /// <summary>Swaps accepted by <see cref="Request"/> that the landing dropped.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>Told, on the control thread, of each goal that lands (its name is not allocated).</summary>
    public Action<string>? Landed { get; set; }

    /// <summary>
    /// Asks for goal <paramref name="goal"/> with <paramref name="code"/> on every module's lines (any thread):
    /// null once posted, or why not (nothing changes).
    /// </summary>
    /// <param name="moduleLines">Each L2 module's own lines, when they differ from the nominal code (code noise); the states are the nominal code's.</param>
    public string? Request(int goal, ReadOnlySpan<double> code, IReadOnlyList<double[]>? moduleLines = null)
    {
        if (goal is < 1 or > GoalRoutes.Count)
        {
            return $"there is no goal {goal}: goals are G1..G{GoalRoutes.Count}";
        }

        var problems = _l2.Definition.ValidateCode(code, "goal code");
        if (problems.Count > 0)
        {
            return string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"));
        }

        if (moduleLines is not null && (moduleLines.Count != _l2.Modules || moduleLines.Any(l => _l2.Definition.ValidateCode(l, "goal code").Count > 0)))
        {
            throw new ArgumentException($"give one valid code for each of the {_l2.Modules} L2 modules", nameof(moduleLines));
        }

        // After RESTART the robot is back at the start, though the control thread may not have reset yet.
        var route = _restarting ? new Route(0, 0, 0, 0, false) : Route.Committed;
        if (!route.Reaches(goal))
        {
            return $"{GoalRoutes.Name(goal)} ({GoalRoutes.Turns(goal)}) can no longer be reached: turns taken {route.Turns}; still reachable: {route.Reachable()}";
        }

        var states = CorridorStates.Of(_l2.Definition, code, GoalRoutes.Junctions, _pulseSteps, _settleSteps);
        lock (_writerLock)
        {
            var request = _requests.Back;
            request.Goal = goal;
            for (var m = 0; m < _l2.Modules; m++)
            {
                (moduleLines is null ? code : moduleLines[m]).CopyTo(request.Lines[m]);
            }

            for (var k = 0; k <= GoalRoutes.Junctions; k++)
            {
                states.After(k).CopyTo(request.States.AsSpan(k * states.NeuronCount));
            }

            _requests.Publish();
        }

        return null;
    }

    /// <summary>The robot was put back at the start and the controller will be reset at its next tick (any thread): goals are asked for from the start from now on.</summary>
    public void Restarting() => _restarting = true;

    /// <summary>A junction turn began with the primitive in charge turning right or left (control thread).</summary>
    public void TurnStarted(bool right) => _route = _route.WithTurn(right);

    /// <summary>
    /// Once per tick, before L2 steps (control thread): lands a waiting swap unless a turn is on or begun,
    /// and publishes the route.
    /// </summary>
    /// <param name="turning">A counted junction turn or its pulse is on.</param>
    /// <param name="approaching">L1 turns harder than corridor corrections, the trigger not (yet) counting it.</param>
    /// <param name="rightInCharge">The right-wall follower is in charge.</param>
    public void Update(bool turning, bool approaching, bool rightInCharge)
    {
        _waiting |= _requests.TryRefresh();
        _route = _route with { Turning = turning, Approaching = approaching, RightInCharge = rightInCharge };
        if (_waiting && !turning && !approaching)
        {
            _waiting = false;
            Land(_requests.Front);
        }

        _route = _route with { Pending = _waiting ? _requests.Front.Goal : 0 };
        Publish();
    }

    /// <summary>The robot is back at the start: no junctions passed. The goal in effect and a waiting swap are kept.</summary>
    public void Reset()
    {
        _route = _route with { Junctions = 0, RightTurns = 0, Turning = false, Approaching = false };
        Publish();
        _restarting = false;
    }

    private void Land(GoalRequest request)
    {
        if (!_route.Reaches(request.Goal))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        for (var m = 0; m < request.Lines.Length; m++)
        {
            _l2.SetModuleCode(m, request.Lines[m]);
        }

        var neurons = _l2.NeuronCount;
        _l2.Prepare(request.States.AsSpan(Math.Min(_route.Junctions, GoalRoutes.Junctions) * neurons, neurons));
        _route = _route with { Goal = request.Goal };
        Landed?.Invoke(GoalRoutes.Name(request.Goal));
    }

    private void Publish() => Volatile.Write(ref _published, _route.Pack());

    /// <summary>One swap on its way: the goal, each module's lines, and the corridor states of its nominal code.</summary>
    private sealed class GoalRequest(int modules, int codeLength, int states)
    {
        public int Goal { get; set; }

        public double[][] Lines { get; } = [.. Enumerable.Range(0, modules).Select(_ => new double[codeLength])];

        public double[] States { get; } = new double[states];
    }
}
