using Hpnna.Core.Programs;

namespace Hpnna.Core.Interpreters;

/// <summary>
/// L2 programs L1: each step L2 reads the trigger and its output o selects the primitive that L1 runs, by
/// feeding L1's programming lines the blend o * Pr + (1 - o) * Pl.
/// </summary>
/// <remarks>
/// The blend is computed exactly (an ideal mul); since a code maps affinely onto programming inputs,
/// blending codes and blending programming inputs are the same. Pr, Pl and the goal code can be replaced
/// from any thread; replacements land whole at the next step boundary, without allocation.
/// </remarks>
public sealed class Hierarchy
{
    private readonly double[] _rightWall;
    private readonly double[] _leftWall;
    private readonly double[] _blend;
    private readonly CodeMailbox _rightMailbox;
    private readonly CodeMailbox _leftMailbox;
    private readonly double _weightMin;
    private readonly double _weightMax;

    public Hierarchy(L1Interpreter l1, L2Interpreter l2, ReadOnlySpan<double> rightWall, ReadOnlySpan<double> leftWall, ReadOnlySpan<double> goal)
    {
        L1 = l1;
        L2 = l2;
        var length = l1.Layer.CodeLength;
        _rightWall = new double[length];
        _leftWall = new double[length];
        _blend = new double[length];
        _rightMailbox = new CodeMailbox(length);
        _leftMailbox = new CodeMailbox(length);
        _weightMin = l1.Layer.Definition.WeightRange.Min;
        _weightMax = l1.Layer.Definition.WeightRange.Max;
        SetPrimitive(Primitive.RightWall, rightWall);
        SetPrimitive(Primitive.LeftWall, leftWall);
        l2.Layer.SetCode(goal);
        Selection = l2.Selection;
    }

    public L1Interpreter L1 { get; }

    public L2Interpreter L2 { get; }

    /// <summary>L2's output o at the last step: above 0.5 means Pr dominates.</summary>
    public double Selection { get; private set; }

    public ReadOnlySpan<double> PrimitiveCode(Primitive which) => which == Primitive.RightWall ? _rightWall : _leftWall;

    /// <summary>Replaces a primitive's code now (stepping thread only).</summary>
    public void SetPrimitive(Primitive which, ReadOnlySpan<double> code)
    {
        L1.Layer.Definition.EnsureValidCode(code);
        code.CopyTo(which == Primitive.RightWall ? _rightWall : _leftWall);
    }

    /// <summary>Posts a primitive's code from any thread; it lands at the next step boundary.</summary>
    public void PostPrimitive(Primitive which, ReadOnlySpan<double> code)
    {
        L1.Layer.Definition.EnsureValidCode(code);
        (which == Primitive.RightWall ? _rightMailbox : _leftMailbox).Post(code);
    }

    /// <summary>Posts a goal code for L2 from any thread; it lands at the next step boundary.</summary>
    public void PostGoal(ReadOnlySpan<double> code) => L2.Layer.PostCode(code);

    /// <summary>Both interpreters back to their initial states; codes are kept.</summary>
    public void Reset()
    {
        L1.Layer.Reset();
        L2.Layer.Reset();
        Selection = L2.Selection;
    }

    /// <summary>One control tick: L2 on the trigger, the blend onto L1's programming lines, L1 on the proximities.</summary>
    public MotorOutput Step(in Proximities proximities, double trigger)
    {
        _rightMailbox.TryTake(_rightWall);
        _leftMailbox.TryTake(_leftWall);

        var o = L2.Step(trigger);
        Selection = o;
        var blend = _blend.AsSpan();
        for (var c = 0; c < blend.Length; c++)
        {
            // Clamped because o*a + (1-o)*b can round one ulp past a range end.
            blend[c] = Math.Clamp(o * _rightWall[c] + (1.0 - o) * _leftWall[c], _weightMin, _weightMax);
        }

        L1.Layer.SetCode(blend);
        return L1.Step(proximities);
    }
}
