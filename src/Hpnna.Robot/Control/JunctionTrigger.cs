using Hpnna.Core.Interpreters;

namespace Hpnna.Robot.Control;

/// <summary>
/// L2's data input on the robot, derived from L1's own activity as in the paper: a pulse at each junction turn,
/// low in the corridors. A turn starts when L1's turn rate reaches <see cref="Threshold"/> of its maximum and
/// lasts (<see cref="Turning"/>) until L1 has commanded <see cref="TurnAngle"/> radians that way, or has turned
/// less than half the threshold for <see cref="QuietSeconds"/>, or <see cref="MaxSeconds"/> have passed. The
/// pulse L2 reads starts with the turn and lasts <see cref="PulseSeconds"/>, however long the turn takes.
/// </summary>
/// <remarks>
/// The turn follows what L1 actually does rather than a fixed time: a wall follower often starts a junction
/// turn early (its side sonar sees the opening before the corner), straightens and turns again, and the
/// primitive chosen must finish the whole corner (the hierarchy holds its selection while <see cref="Turning"/>;
/// a switch mid-turn drove G5-G7 into the far wall). The pulse, though, is one length: L2 counts junctions by
/// integrating pulses, and when the pulse ended with the turn it lasted 4 to 9 L2 steps (a perturbed L1 that
/// turned 65 degrees at a junction and let the corridor finish the turn waited out the quiet time), and G7
/// counted a 9-step pulse as two junctions (ControllerDefaults.PulseSeconds has the measurements). Wall
/// following in a corridor makes only small corrections that rarely reach the threshold.
/// <para>
/// <see cref="Approaching"/> says a turn has begun that the trigger has not counted yet: L1 turns at
/// <see cref="ApproachThreshold"/> of its maximum or more, at least <see cref="SettleSeconds"/> after the last
/// turn and its pulse ended (the swing back into a corridor after a turn is not a junction). A goal swap waits
/// it out, and counts the turn as the primitive in charge's. Allocation-free.
/// </para>
/// </remarks>
public sealed class JunctionTrigger
{
    private readonly double _controlPeriod;
    private readonly double _maxAngular;
    private double _direction;
    private double _turned;
    private double _quietSeconds;
    private double _sinceTurnStart = double.PositiveInfinity;
    private double _sinceHold = double.PositiveInfinity;
    private bool _armed = true;

    public JunctionTrigger(double threshold, double turnAngle, double quietSeconds, double maxSeconds, double pulseSeconds, double maxAngular, double controlPeriod, double approachThreshold, double settleSeconds)
    {
        if (!(threshold > 0 && threshold < 1) || !(turnAngle > 0) || !(quietSeconds > 0) || !(maxSeconds > 0) || !(pulseSeconds > 0) || !(maxAngular > 0) || !(controlPeriod > 0))
        {
            throw new ArgumentException($"a junction trigger needs a threshold in (0, 1) and a turn angle, quiet time, longest turn, pulse length, turn rate and control period > 0 (got {threshold}, {turnAngle}, {quietSeconds}, {maxSeconds}, {pulseSeconds}, {maxAngular}, {controlPeriod})");
        }

        if (!(approachThreshold > 0 && approachThreshold <= threshold) || !(settleSeconds >= 0))
        {
            throw new ArgumentException($"a junction trigger's approach threshold must be in (0, {threshold}] and its settling time >= 0 (got {approachThreshold}, {settleSeconds})");
        }

        ApproachThreshold = approachThreshold;
        SettleSeconds = settleSeconds;

        Threshold = threshold;
        TurnAngle = turnAngle;
        QuietSeconds = quietSeconds;
        MaxSeconds = maxSeconds;
        PulseSeconds = pulseSeconds;
        _maxAngular = maxAngular;
        _controlPeriod = controlPeriod;
    }

    /// <summary>Fraction of the maximum turn rate that starts a turn.</summary>
    public double Threshold { get; }

    /// <summary>Radians turned that end a turn: the junction is done.</summary>
    public double TurnAngle { get; }

    public double QuietSeconds { get; }

    /// <summary>The longest a turn is taken to last.</summary>
    public double MaxSeconds { get; }

    /// <summary>How long each pulse L2 reads lasts, from the start of its turn.</summary>
    public double PulseSeconds { get; }

    /// <summary>Fraction of the maximum turn rate from which a turn not yet counted is <see cref="Approaching"/>.</summary>
    public double ApproachThreshold { get; }

    /// <summary>Seconds after a turn and its pulse during which no turn is taken to be approaching.</summary>
    public double SettleSeconds { get; }

    /// <summary>True while a junction turn is on: what the hierarchy holds its selection through.</summary>
    public bool Turning { get; private set; }

    /// <summary>L1 has begun a turn the trigger has not counted (see the remarks); false while <see cref="Turning"/> or a pulse is on.</summary>
    public bool Approaching { get; private set; }

    public void Reset()
    {
        Turning = false;
        _armed = true;
        _turned = 0;
        _quietSeconds = 0;
        _sinceTurnStart = double.PositiveInfinity;
        _sinceHold = double.PositiveInfinity;
        Approaching = false;
    }

    /// <summary>The pulse for this tick (1 or 0), from L1's output at the last one; <see cref="Turning"/> is updated with it.</summary>
    public double Update(in MotorOutput output)
    {
        _sinceTurnStart += _controlPeriod;
        var turn = 2 * output.Angular - 1;
        if (!Turning)
        {
            // A new turn needs the turn rate to have dropped below the threshold since the last one.
            if (Math.Abs(turn) < Threshold)
            {
                _armed = true;
            }
            else if (_armed)
            {
                Turning = true;
                _armed = false;
                _direction = Math.Sign(turn);
                _turned = 0;
                _quietSeconds = 0;
                _sinceTurnStart = _controlPeriod;
            }
        }

        if (Turning)
        {
            _turned += _direction * turn * _maxAngular * _controlPeriod;
            _quietSeconds = Math.Abs(turn) < 0.5 * Threshold ? _quietSeconds + _controlPeriod : 0;
            Turning = !(_turned >= TurnAngle || _quietSeconds >= QuietSeconds || _sinceTurnStart >= MaxSeconds);
        }

        // Half a tick of slack so that a pulse of n periods is n ticks despite rounding in the sum.
        var pulse = _sinceTurnStart <= PulseSeconds + 0.5 * _controlPeriod ? 1.0 : 0.0;
        _sinceHold = Turning || pulse > 0 ? 0 : _sinceHold + _controlPeriod;
        Approaching = _sinceHold > SettleSeconds && Math.Abs(turn) >= ApproachThreshold;
        return pulse;
    }
}
