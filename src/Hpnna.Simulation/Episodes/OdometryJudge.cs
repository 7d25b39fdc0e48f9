using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Episodes;

/// <summary>
/// Judges a run on a real base, or a rig playing one, against a maze the controller never sees: where the base's
/// odometry puts the robot, aligned with the maze's start pose at the first frame the base reports. A goal
/// region entered ends the run (the commanded one, or a wrong one), a stalled wheel counts as a crash, and the
/// time limit as a time-out. What a robot in a taped-out maze can know of its own run; exact on the HIL rig,
/// whose odometry is the simulated robot's. Reads the tick's frame, so it never reads the hardware itself.
/// </summary>
public sealed class OdometryJudge(World world, SensorFrame frame, string goal, double period, double timeLimit) : IRunJudge
{
    private volatile string _goal = goal;
    private bool _aligned;
    private Pose2D _first;
    private double _startTime;
    private long _startTick;
    private double _distance;
    private Pose2D _last;

    public EpisodeResult? Result { get; private set; }

    public bool Finished => Result is not null;

    public bool Succeeded => Result?.Success == true;

    public string Outcome => Result is not { } result ? "running" : $"{RunJudge.Describe(result, _goal)} (judged by odometry)";

    public void GoalChanged(string goal) => _goal = goal;

    public bool AfterTick(in Tick tick)
    {
        if (Result is not null)
        {
            return true;
        }

        if (!frame.BaseReady)
        {
            return false; // nothing from the base yet: the run starts with its first report
        }

        var odometry = frame.Odometry;
        if (!_aligned)
        {
            (_first, _last, _startTime, _startTick, _aligned) = (odometry.Pose, odometry.Pose, tick.Time, tick.Index, true);
        }

        _distance += odometry.Pose.DistanceTo(_last);
        _last = odometry.Pose;
        var time = tick.Time + period - _startTime;
        if (EpisodeJudge.Judge(world, odometry.Stalled, InMaze(odometry.Pose), _goal, time, timeLimit, out var reached) is { } ended)
        {
            Result = new EpisodeResult(ended, reached, time, _distance, (int)(tick.Index - _startTick + 1), double.NaN);
        }

        return Result is not null;
    }

    /// <summary>The odometry pose moved so that the first one sits on the maze's start pose.</summary>
    private Pose2D InMaze(Pose2D odometry)
    {
        var start = world.Start;
        var turn = start.Heading - _first.Heading;
        var (dx, dy) = (odometry.X - _first.X, odometry.Y - _first.Y);
        var (cos, sin) = (Math.Cos(turn), Math.Sin(turn));
        return new Pose2D(start.X + cos * dx - sin * dy, start.Y + sin * dx + cos * dy, Pose2D.WrapAngle(odometry.Heading + turn));
    }
}
