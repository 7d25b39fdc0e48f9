using System.Diagnostics;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Robot.Sensing;

namespace Hpnna.Robot.Loop;

/// <summary>
/// The fixed-step loop: at every tick, read (sonars, odometry) -> update (the controller) -> write (the
/// setpoint), as ros2_control's manager does. Devices are read from buffers their own threads fill and
/// written to mailboxes, so a tick allocates nothing and waits on nothing but the clock. Whatever ends the
/// loop (cancellation, a stop request, an exception) the robot is commanded to stop first.
/// </summary>
public sealed class ControlLoop
{
    private readonly ISonarArray _sonars;
    private readonly IDriveBase _drive;
    private readonly IController _controller;
    private readonly ITickSource _clock;
    private readonly SonarReading[] _readings;
    private readonly SilentSonarWatch _sonarWatch;
    private volatile bool _stopRequested;
    private volatile bool _holding;
    private volatile bool _restartRequested;

    public ControlLoop(ISonarArray sonars, IDriveBase drive, IController controller, ITickSource clock)
    {
        _sonars = sonars;
        _drive = drive;
        _controller = controller;
        _clock = clock;
        _readings = new SonarReading[sonars.Sensors.Count];
        _sonarWatch = new SilentSonarWatch(sonars.Sensors, clock.Period);
        Metrics = new LoopMetrics(clock.Period, clock.Period * 0.2);
    }

    public LoopMetrics Metrics { get; }

    /// <summary>The last setpoint written.</summary>
    public DriveCommand LastCommand { get; private set; }

    /// <summary>Called on the control thread after each tick (a backend judging the run, a recorder); must not allocate.</summary>
    public Action<Tick>? AfterTick { get; set; }

    /// <summary>
    /// While true the loop keeps its period but writes a stop instead of the controller's setpoint and leaves
    /// the controller's state untouched (an operator's STOP; RESUME clears it). Any thread.
    /// </summary>
    public bool Holding
    {
        get => _holding;
        set => _holding = value;
    }

    /// <summary>
    /// Whether the base was ready at the last tick. While it is not (link down, or no report since a
    /// reconnection) the loop holds as for <see cref="Holding"/>: it writes a stop and the controller's state
    /// waits, rather than running on sensor data from before the loss.
    /// </summary>
    public bool RobotReady { get; private set; }

    /// <summary>
    /// The sonar disc found dead at the last tick, or -1. While one is, the loop holds (a safe stop: the
    /// controller would take the dead disc for open space); it moves again only after the disc hears again
    /// and an operator's RESUME.
    /// </summary>
    public int DeadSonar { get; private set; } = -1;

    /// <summary>Asks for the controller's reset at the next tick boundary (any thread): a new run from the start, on the control thread that owns its state.</summary>
    public void RequestRestart() => _restartRequested = true;

    /// <summary>Asks the loop to end after the current tick (any thread).</summary>
    public void RequestStop() => _stopRequested = true;

    /// <summary>Runs until cancelled or stopped, on the calling thread; returns the number of ticks run.</summary>
    public long Run(CancellationToken cancellation)
    {
        try
        {
            while (!cancellation.IsCancellationRequested && !_stopRequested)
            {
                var tick = _clock.WaitForNext();
                var started = Stopwatch.GetTimestamp();
                Step();
                Metrics.Record(tick, Stopwatch.GetElapsedTime(started).TotalSeconds);
                AfterTick?.Invoke(tick);
            }
        }
        finally
        {
            _drive.Stop();
        }

        return Metrics.Ticks;
    }

    /// <summary>One read, update, write: the whole per-tick work, public so tests and benchmarks can count its cost.</summary>
    public void Step()
    {
        if (_restartRequested)
        {
            _restartRequested = false;
            _controller.Reset();
        }

        RobotReady = _drive.IsReady;
        _sonars.Read(_readings);
        if (_sonarWatch.Check(_readings))
        {
            _holding = true;
        }

        DeadSonar = _sonarWatch.DeadDisc;
        var odometry = _drive.ReadOdometry();
        var command = _holding || !RobotReady ? DriveCommand.Stop : _controller.Update(_readings, odometry);
        _drive.Write(command);
        LastCommand = command;
    }
}
