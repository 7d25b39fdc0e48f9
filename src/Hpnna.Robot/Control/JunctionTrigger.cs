using Hpnna.Core.Interpreters;

namespace Hpnna.Robot.Control;

/// <summary>
/// L2's data input on the robot, derived from L1's own activity as in the paper: high while the robot turns
/// at a junction, low in the corridors. A pulse starts when L1's turn rate reaches <see cref="Threshold"/>
/// of its maximum, and lasts until L1 has commanded <see cref="TurnAngle"/> radians that way, or has turned
/// less than half the threshold for <see cref="QuietSeconds"/>, or <see cref="MaxSeconds"/> have passed.
/// </summary>
/// <remarks>
/// The pulse follows the turn L1 actually makes rather than a fixed time: a wall follower often starts a
/// junction turn early (its side sonar sees the opening before the corner), straightens and turns again,
/// and a fixed-length pulse ended mid-turn, so L2 switched primitives in the middle of the junction and the
/// robot drove into the far wall (measured on G5-G7). Wall following in a corridor makes only small
/// corrections that rarely reach the threshold and never add up to a quarter turn. Allocation-free.
/// </remarks>
public sealed class JunctionTrigger
{
    private readonly double _controlPeriod;
    private readonly double _maxAngular;
    private double _direction;
    private double _turned;
    private double _quietSeconds;
    private double _pulseSeconds;
    private bool _armed = true;

    public JunctionTrigger(double threshold, double turnAngle, double quietSeconds, double maxSeconds, double maxAngular, double controlPeriod)
    {
        if (!(threshold > 0 && threshold < 1) || !(turnAngle > 0) || !(quietSeconds > 0) || !(maxSeconds > 0) || !(maxAngular > 0) || !(controlPeriod > 0))
        {
            throw new ArgumentException($"a junction trigger needs a threshold in (0, 1) and a turn angle, quiet time, longest pulse, turn rate and control period > 0 (got {threshold}, {turnAngle}, {quietSeconds}, {maxSeconds}, {maxAngular}, {controlPeriod})");
        }

        Threshold = threshold;
        TurnAngle = turnAngle;
        QuietSeconds = quietSeconds;
        MaxSeconds = maxSeconds;
        _maxAngular = maxAngular;
        _controlPeriod = controlPeriod;
    }

    /// <summary>Fraction of the maximum turn rate that starts a pulse.</summary>
    public double Threshold { get; }

    /// <summary>Radians turned that end a pulse: the junction is done.</summary>
    public double TurnAngle { get; }

    public double QuietSeconds { get; }

    public double MaxSeconds { get; }

    /// <summary>True while a pulse is on.</summary>
    public bool High { get; private set; }

    public void Reset()
    {
        High = false;
        _armed = true;
        _turned = 0;
        _quietSeconds = 0;
        _pulseSeconds = 0;
    }

    /// <summary>The trigger for this tick, from L1's output at the last one.</summary>
    public double Update(in MotorOutput output)
    {
        var turn = 2 * output.Angular - 1;
        if (!High)
        {
            // A new pulse needs the turn rate to have dropped below the threshold since the last one.
            if (Math.Abs(turn) < Threshold)
            {
                _armed = true;
            }
            else if (_armed)
            {
                High = true;
                _armed = false;
                _direction = Math.Sign(turn);
                _turned = 0;
                _quietSeconds = 0;
                _pulseSeconds = 0;
            }
        }

        if (High)
        {
            _turned += _direction * turn * _maxAngular * _controlPeriod;
            _pulseSeconds += _controlPeriod;
            _quietSeconds = Math.Abs(turn) < 0.5 * Threshold ? _quietSeconds + _controlPeriod : 0;
            if (_turned >= TurnAngle || _quietSeconds >= QuietSeconds || _pulseSeconds >= MaxSeconds)
            {
                High = false;
                return 1.0;
            }
        }

        return High ? 1.0 : 0.0;
    }
}
