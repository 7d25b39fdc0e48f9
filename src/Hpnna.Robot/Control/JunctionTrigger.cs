using Hpnna.Core.Interpreters;

namespace Hpnna.Robot.Control;

/// <summary>
/// L2's data input on the robot, derived from L1's own activity as in the paper: when L1 starts a turn
/// faster than <see cref="Threshold"/> of its maximum rate (the robot is turning at a junction), the
/// trigger goes high and stays high for <see cref="HoldSeconds"/>, a whole junction turn at the nominal
/// speed, then low until the next turn starts.
/// </summary>
/// <remarks>
/// Holding for a fixed time turns L1's brief, uneven turning bursts into the clean pulse of one junction
/// that L2's programs were learned on (the synthetic datasets' turn is 3 s, corridors lambda times that).
/// Wall following in a corridor makes only small corrections, so it never fires the trigger. Allocation-free.
/// </remarks>
public sealed class JunctionTrigger
{
    private readonly int _holdTicks;
    private int _ticksLeft;
    private bool _wasTurning;

    public JunctionTrigger(double threshold, double holdSeconds, double controlPeriod)
    {
        if (!(threshold > 0 && threshold < 1) || !(holdSeconds >= 0) || !(controlPeriod > 0))
        {
            throw new ArgumentException($"a junction trigger needs a threshold in (0, 1), a hold >= 0 s and a control period > 0 s (got {threshold}, {holdSeconds}, {controlPeriod})");
        }

        Threshold = threshold;
        HoldSeconds = holdSeconds;
        _holdTicks = Math.Max(1, (int)Math.Round(holdSeconds / controlPeriod));
    }

    public double Threshold { get; }

    public double HoldSeconds { get; }

    public void Reset()
    {
        _ticksLeft = 0;
        _wasTurning = false;
    }

    /// <summary>The trigger for this tick, from L1's output at the last one.</summary>
    public double Update(in MotorOutput output)
    {
        var turning = Math.Abs(2 * output.Angular - 1) >= Threshold;
        if (turning && !_wasTurning && _ticksLeft == 0)
        {
            _ticksLeft = _holdTicks;
        }

        _wasTurning = turning;
        if (_ticksLeft == 0)
        {
            return 0.0;
        }

        _ticksLeft--;
        return 1.0;
    }
}
