using Hpnna.Core.Programs;
using Hpnna.Core.Transitions;

namespace Hpnna.Core.Interpreters;

/// <summary>
/// L2 programs L1: L2 reads the trigger and its output o selects the primitive that L1 runs, by feeding L1's
/// programming lines the blend o * Pr + (1 - o) * Pl. L1 steps every tick; L2 steps once every
/// <see cref="L2Period"/> ticks on the mean trigger of those ticks, because it works on the time scale of
/// corridors and turns (seconds), not of wall following.
/// </summary>
/// <remarks>
/// <para>
/// With <see cref="HoldsThroughTurns"/>, the selection L1 runs on is frozen while the caller says a turn is on
/// (by default, while the trigger is high): the primitive chosen as a junction turn starts finishes that turn,
/// and L2's choice for the next junction lands when the turn is over. L2 still decides which primitive runs
/// and when the sequence moves on; the hold only keeps a switch out of the middle of a corner, where
/// (measured: G5-G7 at lambda 3 with the shipped programs) the other wall follower drives into the far wall.
/// </para>
/// <para>
/// The selection o is read through a gate before blending: o at or beyond 0.5 +/- <see cref="SelectionMargin"/>
/// selects one primitive whole, and only in between are the codes mixed. A sigmoid output never reaches 0 or
/// 1, and a mixed code is neither primitive (measured: with the raw o = 0.9 of a confident L2, the robot
/// crashes). L2's programs are learned to keep o beyond this margin at every junction.
/// The blend is computed exactly (an ideal mul); since a code maps affinely onto programming inputs,
/// blending codes and blending programming inputs are the same. Pr and Pl can be replaced from any thread;
/// replacements land whole at the next step boundary, without allocation. The goal code is L2's
/// (<see cref="L2Interpreter.SetCode"/>, on the stepping thread): a goal swap mid-run must know where the
/// robot is, which the controller above does.
/// </para>
/// <para>
/// L1 may run as several identical modules (<see cref="ModuleVote"/>), each with its own lines for Pr and Pl
/// (set together, or one module at a time to model lines perturbed on their own), blended with the one
/// selection; the median of the modules' outputs on each channel is the hierarchy's <see cref="Output"/>.
/// </para>
/// <para>
/// With an L1 transition phase, every change of the primitive in charge (Pr to Pl or back) starts L1's
/// preparatory phase (<see cref="TransitionModule"/>): the new primitive then starts from L1's initial
/// state, as in its training, instead of from where the old one left it. Off by default.
/// </para>
/// </remarks>
public sealed class Hierarchy
{
    private readonly L1Lane[] _lanes;
    private readonly double[] _blend;
    private readonly double[] _linearVotes;
    private readonly double[] _angularVotes;
    private readonly CodeMailbox _rightMailbox;
    private readonly CodeMailbox _leftMailbox;
    private readonly double _weightMin;
    private readonly double _weightMax;
    private bool _rightInCharge;
    /// <summary>How far from 0.5 L2's output must be to select one primitive whole.</summary>
    public const double SelectionMargin = 0.1;

    private double _triggerSum;
    private int _ticksSinceL2;

    public Hierarchy(L1Interpreter l1, L2Interpreter l2, ReadOnlySpan<double> rightWall, ReadOnlySpan<double> leftWall, ReadOnlySpan<double> goal, int l2Period = 1, bool holdsThroughTurns = false, PreparatoryPhase? l1Transition = null)
        : this([l1], l2, rightWall, leftWall, goal, l2Period, holdsThroughTurns, l1Transition)
    {
    }

    /// <param name="l1Modules">L1 as identical modules voting on each output (<see cref="ModuleVote"/>), each blending its own copy of Pr and Pl.</param>
    public Hierarchy(IReadOnlyList<L1Interpreter> l1Modules, L2Interpreter l2, ReadOnlySpan<double> rightWall, ReadOnlySpan<double> leftWall, ReadOnlySpan<double> goal, int l2Period = 1, bool holdsThroughTurns = false, PreparatoryPhase? l1Transition = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(l2Period, 1);
        ModuleVote.EnsureModuleCount(l1Modules.Count);
        L2Period = l2Period;
        HoldsThroughTurns = holdsThroughTurns;
        L1Modules = l1Modules;
        L2 = l2;
        var definition = l1Modules[0].Layer.Definition;
        if (l1Modules.Any(m => m.Layer.CodeLength != definition.CodeLength || m.Layer.Definition.WeightRange != definition.WeightRange))
        {
            throw new ArgumentException("voting L1 modules must take the same codes (length and weight range)", nameof(l1Modules));
        }

        var length = definition.CodeLength;
        _lanes = [.. l1Modules.Select(m => new L1Lane(m, new double[length], new double[length], new TransitionModule(m.Layer, l1Transition ?? PreparatoryPhase.Off)))];
        _blend = new double[length];
        _linearVotes = new double[l1Modules.Count];
        _angularVotes = new double[l1Modules.Count];
        _rightMailbox = new CodeMailbox(length);
        _leftMailbox = new CodeMailbox(length);
        _weightMin = definition.WeightRange.Min;
        _weightMax = definition.WeightRange.Max;
        SetPrimitive(Primitive.RightWall, rightWall);
        SetPrimitive(Primitive.LeftWall, leftWall);
        l2.SetCode(goal);
        Selection = l2.Selection;
        AppliedSelection = Gate(Selection);
        _rightInCharge = AppliedSelection >= 0.5;
        Output = Vote();
    }

    /// <summary>L1's preparatory phase at primitive switches (<see cref="PreparatoryPhase.Off"/> unless given).</summary>
    public PreparatoryPhase L1Transition => _lanes[0].Transition.Phase;

    /// <summary>Whether L1's next step is a preparatory one (a phase started by a switch is under way).</summary>
    public bool Preparing => _lanes[0].Transition.Preparing;

    /// <summary>The first L1 module (the only one unless L1 votes).</summary>
    public L1Interpreter L1 => _lanes[0].L1;

    /// <summary>Every L1 module.</summary>
    public IReadOnlyList<L1Interpreter> L1Modules { get; }

    public L2Interpreter L2 { get; }

    /// <summary>L1's output after the last step: the median of its modules' on each channel.</summary>
    public MotorOutput Output { get; private set; }

    /// <summary>Ticks per L2 step.</summary>
    public int L2Period { get; }

    /// <summary>Whether the selection is frozen while the trigger is high.</summary>
    public bool HoldsThroughTurns { get; }

    /// <summary>L2's output o at the last step: above 0.5 means Pr dominates.</summary>
    public double Selection { get; private set; }

    /// <summary>The gated selection L1's code was blended with at the last tick: 1 is Pr whole, 0 is Pl whole.</summary>
    public double AppliedSelection { get; private set; }

    /// <summary>A primitive's code (on the first L1 module's lines; every module's unless set one by one).</summary>
    public ReadOnlySpan<double> PrimitiveCode(Primitive which) => _lanes[0].Code(which);

    /// <summary>Replaces a primitive's code on every L1 module now (stepping thread only).</summary>
    public void SetPrimitive(Primitive which, ReadOnlySpan<double> code)
    {
        L1.Layer.Definition.EnsureValidCode(code);
        foreach (var lane in _lanes)
        {
            code.CopyTo(lane.Code(which));
        }
    }

    /// <summary>Replaces a primitive's code on L1 module <paramref name="module"/> alone: each module's lines perturbed on their own.</summary>
    public void SetModulePrimitive(int module, Primitive which, ReadOnlySpan<double> code)
    {
        L1.Layer.Definition.EnsureValidCode(code);
        code.CopyTo(_lanes[module].Code(which));
    }

    /// <summary>Posts a primitive's code from any thread; it lands on every L1 module at the next step boundary.</summary>
    public void PostPrimitive(Primitive which, ReadOnlySpan<double> code)
    {
        L1.Layer.Definition.EnsureValidCode(code);
        (which == Primitive.RightWall ? _rightMailbox : _leftMailbox).Post(code);
    }

    /// <summary>Both interpreters back to their initial states; codes are kept.</summary>
    public void Reset()
    {
        foreach (var lane in _lanes)
        {
            lane.L1.Layer.Reset();
            lane.Transition.Cancel();
        }

        L2.Reset();
        Selection = L2.Selection;
        AppliedSelection = Gate(Selection);
        _rightInCharge = AppliedSelection >= 0.5;
        Output = Vote();
        _triggerSum = 0;
        _ticksSinceL2 = 0;
    }

    /// <summary>
    /// One control tick: every <see cref="L2Period"/>-th tick L2 on the mean trigger, then the blend onto L1's
    /// programming lines and L1 on the proximities.
    /// </summary>
    public MotorOutput Step(in Proximities proximities, double trigger) => Step(proximities, trigger, holding: trigger >= 0.5);

    /// <summary>
    /// One control tick, with the hold (<see cref="HoldsThroughTurns"/>) given apart from the trigger: for a
    /// trigger whose pulses do not end with the turn (the robot's are of one length, <c>JunctionTrigger</c>).
    /// </summary>
    public MotorOutput Step(in Proximities proximities, double trigger, bool holding)
    {
        Take(_rightMailbox, Primitive.RightWall);
        Take(_leftMailbox, Primitive.LeftWall);

        _triggerSum += trigger;
        if (++_ticksSinceL2 == L2Period)
        {
            Selection = L2.Step(_triggerSum / L2Period);
            _triggerSum = 0;
            _ticksSinceL2 = 0;
        }

        if (!HoldsThroughTurns || !holding)
        {
            AppliedSelection = Gate(Selection);
        }

        var o = AppliedSelection;
        var switched = o >= 0.5 != _rightInCharge;
        _rightInCharge = o >= 0.5;
        var blend = _blend.AsSpan();
        foreach (var lane in _lanes)
        {
            for (var c = 0; c < blend.Length; c++)
            {
                // Clamped because o*a + (1-o)*b can round one ulp past a range end.
                blend[c] = Math.Clamp(o * lane.Right[c] + (1.0 - o) * lane.Left[c], _weightMin, _weightMax);
            }

            lane.L1.Layer.SetCode(blend);
            if (switched)
            {
                lane.Transition.Switch();
            }

            lane.L1.Step(proximities, lane.Transition);
        }

        Output = Vote();
        return Output;
    }

    /// <summary>A posted primitive code, taken into the first module's lines and copied to the others'.</summary>
    private void Take(CodeMailbox mailbox, Primitive which)
    {
        var first = _lanes[0].Code(which);
        if (mailbox.TryTake(first))
        {
            for (var m = 1; m < _lanes.Length; m++)
            {
                first.AsSpan().CopyTo(_lanes[m].Code(which));
            }
        }
    }

    private MotorOutput Vote()
    {
        for (var m = 0; m < _lanes.Length; m++)
        {
            var output = _lanes[m].L1.Output;
            _linearVotes[m] = output.Linear;
            _angularVotes[m] = output.Angular;
        }

        return new MotorOutput(ModuleVote.Median(_linearVotes), ModuleVote.Median(_angularVotes));
    }

    private static double Gate(double selection) => Math.Clamp(0.5 + (selection - 0.5) / (2 * SelectionMargin), 0.0, 1.0);

    /// <summary>One L1 module with its own copies of Pr and Pl and its own preparatory phase.</summary>
    private sealed record L1Lane(L1Interpreter L1, double[] Right, double[] Left, TransitionModule Transition)
    {
        public double[] Code(Primitive which) => which == Primitive.RightWall ? Right : Left;
    }
}
