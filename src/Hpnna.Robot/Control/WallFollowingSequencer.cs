using Hpnna.Robot.Contracts;

namespace Hpnna.Robot.Control;

/// <summary>
/// A plain (non-neural) controller for the Pioneer front ring: it follows the wall on one side and, after
/// each junction, switches to the next side of a turn sequence such as "RLL". The reference that shows the
/// maze and sonar model support wall following, and a baseline for the neural controller.
/// </summary>
/// <remarks>
/// <para>Three phases:</para>
/// <list type="bullet">
/// <item><b>Follow</b>: PD control of the distance from the followed wall (90 degree sonar) to half the
/// corridor width; a wall close ahead turns the robot away from the followed side.</item>
/// <item><b>Corner</b>: when the followed side opens (a junction), turn toward it on an arc of radius half the
/// corridor width until odometry shows a quarter turn; that completes a junction and selects the next side.</item>
/// <item><b>Reacquire</b>: drive straight until the new side's wall is seen again, so the opening just left
/// behind is not taken for the next junction.</item>
/// </list>
/// </remarks>
public sealed class WallFollowingSequencer : IController
{
    private const int LeftSide = 0;   // +90 degree sonar
    private const int RightSide = 7;  // -90 degree sonar
    private const int FrontLeft = 3;  // +10 degrees
    private const int FrontRight = 4; // -10 degrees
    private const double MaxDistanceError = 0.15;

    private readonly string _turns;
    private readonly WallFollowerSettings _settings;
    private Phase _phase;
    private int _junctions;
    private double _cornerStartHeading;
    private double _lastSideDistance;

    public WallFollowingSequencer(string turns, WallFollowerSettings settings)
    {
        if (turns.Length == 0 || turns.Any(t => t is not ('L' or 'R')))
        {
            throw new ArgumentException($"a turn sequence is one or more of L and R (got '{turns}')", nameof(turns));
        }

        _turns = turns;
        _settings = settings;
        Reset();
    }

    private enum Phase
    {
        Follow,
        Corner,
        Reacquire,
    }

    /// <summary>Junctions completed so far.</summary>
    public int Junctions => _junctions;

    public string Activity => (_phase, FollowsRight) switch
    {
        (Phase.Corner, true) => "corner right",
        (Phase.Corner, false) => "corner left",
        (Phase.Reacquire, true) => "reacquire right",
        (Phase.Reacquire, false) => "reacquire left",
        (_, true) => "follow right",
        _ => "follow left",
    };

    private bool FollowsRight => _turns[Math.Min(_junctions, _turns.Length - 1)] == 'R';

    public void Reset()
    {
        _phase = Phase.Reacquire;
        _junctions = 0;
        _lastSideDistance = double.NaN;
    }

    public DriveCommand Update(SensorFrame frame)
    {
        ReadOnlySpan<SonarReading> readings = frame.Ranges;
        var odometry = frame.Odometry;
        var toSide = FollowsRight ? -1.0 : 1.0; // angular sign that turns toward the followed side
        var side = readings[FollowsRight ? RightSide : LeftSide];
        var sideSeen = side.Echo && side.Range < _settings.WallLostRange;
        var front = Math.Min(readings[FrontLeft].Range, readings[FrontRight].Range);

        switch (_phase)
        {
            case Phase.Reacquire when sideSeen:
                _phase = Phase.Follow;
                _lastSideDistance = side.Range;
                break;
            case Phase.Follow when !sideSeen:
                _phase = Phase.Corner;
                _cornerStartHeading = odometry.Pose.Heading;
                break;
            case Phase.Corner when Math.Abs(Pose2D.WrapAngle(odometry.Pose.Heading - _cornerStartHeading)) >= Math.PI / 2:
                _junctions++;
                _phase = Phase.Reacquire;
                toSide = FollowsRight ? -1.0 : 1.0;
                break;
        }

        return _phase switch
        {
            Phase.Corner => new DriveCommand(_settings.CornerSpeed, toSide * _settings.CornerSpeed / _settings.CornerRadius),
            Phase.Reacquire => AvoidFront(new DriveCommand(_settings.CruiseSpeed, 0), front, toSide),
            _ => AvoidFront(Follow(side.Range, toSide), front, toSide),
        };
    }

    private DriveCommand Follow(double sideRange, double toSide)
    {
        // Positive: too far from the wall. Clamped so that a wall ending never yanks the robot round early.
        var error = Math.Clamp(sideRange - _settings.SideDistance, -MaxDistanceError, MaxDistanceError);
        var rate = double.IsNaN(_lastSideDistance) ? 0.0 : (sideRange - _lastSideDistance) / _settings.ControlPeriod;
        _lastSideDistance = sideRange;
        var steer = Math.Clamp(_settings.DistanceGain * error + _settings.RateGain * rate, -_settings.MaxSteer, _settings.MaxSteer);
        return new DriveCommand(_settings.CruiseSpeed, toSide * steer);
    }

    private DriveCommand AvoidFront(DriveCommand command, double front, double toSide) =>
        front < _settings.FrontStopRange
            ? new DriveCommand(0.0, -toSide * _settings.MaxSteer)
            : command;
}

/// <summary>Tuning of <see cref="WallFollowingSequencer"/>; distances in metres are sonar ranges, not centre distances.</summary>
public sealed record WallFollowerSettings(
    double SideDistance,
    double WallLostRange,
    double FrontStopRange = 0.35,
    double CruiseSpeed = 0.5,
    double CornerSpeed = 0.3,
    double CornerRadius = 0.55,
    double DistanceGain = 1.5,
    double RateGain = 1.5,
    double MaxSteer = 0.8,
    double ControlPeriod = 0.05)
{
    /// <summary>
    /// Settings for a corridor of the given width: hold the centre line, and call a side open 0.3 widths beyond
    /// it, before the 90 degree sonar's cone can catch the far wall of the opening obliquely.
    /// </summary>
    public static WallFollowerSettings ForCorridor(double width, double sensorOffset, double controlPeriod) =>
        new(width / 2 - sensorOffset, width / 2 - sensorOffset + 0.3 * width, CornerRadius: width / 2, ControlPeriod: controlPeriod);
}
