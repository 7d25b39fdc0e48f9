using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Robot.Sensing;

namespace Hpnna.Robot.Loop;

/// <summary>
/// The one control tick every loop runs, on the robot, in simulated episodes (training, experiments,
/// <c>sim run</c>) and in the hardware-in-the-loop host: read (latch the hardware into the frame, once), update
/// (the controller, unless a safety hold applies), write (the setpoint, or a stop).
/// </summary>
/// <remarks>
/// Safety holds write a stop and leave the controller's state untouched: an operator's STOP
/// (<see cref="Holding"/>), a base not ready (link down, not reporting afresh, stale), a dead sonar disc
/// (<see cref="SilentSonarWatch"/>; it sets <see cref="Holding"/>, so only an operator's RESUME moves the robot
/// again), and readings no working sonars give (<see cref="ImplausibleSonarWatch"/>; released by plausible
/// ones). Nothing after the read reaches back to a device. A tick allocates nothing and waits on nothing.
/// </remarks>
public sealed class ControlTick
{
    private readonly IRobotHardware _hardware;
    private readonly IController _controller;
    private readonly SilentSonarWatch _sonarWatch;
    private readonly ImplausibleSonarWatch _plausibility;
    private volatile bool _holding;
    private volatile bool _restartRequested;

    public ControlTick(IRobotHardware hardware, IController controller, double period)
    {
        _hardware = hardware;
        _controller = controller;
        Frame = new SensorFrame(hardware.Layout);
        _sonarWatch = new SilentSonarWatch(hardware.Layout, period);
        _plausibility = new ImplausibleSonarWatch(hardware.Layout, period);
    }

    /// <summary>The frame the last tick latched (read it on the control thread, or after the loop has ended).</summary>
    public SensorFrame Frame { get; }

    public IRobotHardware Hardware => _hardware;

    public IController Controller => _controller;

    /// <summary>The last setpoint written.</summary>
    public DriveCommand LastCommand { get; private set; }

    /// <summary>
    /// While true each tick writes a stop instead of the controller's setpoint and leaves the controller's state
    /// untouched (an operator's STOP; RESUME clears it). Any thread.
    /// </summary>
    public bool Holding
    {
        get => _holding;
        set => _holding = value;
    }

    /// <summary>Whether the base was ready at the last tick; while it is not, the tick holds as for <see cref="Holding"/>.</summary>
    public bool RobotReady { get; private set; }

    /// <summary>
    /// The sonar disc found dead at the last tick, or -1. While one is, the tick holds (the controller would
    /// take the dead disc for open space); it moves again only after the disc hears again and a RESUME.
    /// </summary>
    public int DeadSonar { get; private set; } = -1;

    /// <summary>Why the last tick's readings were implausible (the tick holds meanwhile), or null.</summary>
    public string? Implausible => _plausibility.Reason;

    /// <summary>Asks for the controller's reset at the next tick (any thread): a new run from the start, on the thread that owns its state.</summary>
    public void RequestRestart() => _restartRequested = true;

    /// <summary>Read, update, write for the tick numbered <paramref name="index"/> at <paramref name="time"/> seconds; returns the setpoint written.</summary>
    public DriveCommand Step(long index, double time)
    {
        if (_restartRequested)
        {
            _restartRequested = false;
            _controller.Reset();
        }

        var frame = Frame;
        frame.Index = index;
        frame.Time = time;
        _hardware.Read(frame);

        RobotReady = frame.BaseReady;
        if (_sonarWatch.Check(frame.Ranges))
        {
            _holding = true;
        }

        DeadSonar = _sonarWatch.DeadDisc;
        var implausible = _plausibility.Check(frame.Ranges);
        var command = _holding || !RobotReady || implausible ? DriveCommand.Stop : _controller.Update(frame);
        _hardware.Write(command);
        LastCommand = command;
        return command;
    }

    /// <summary>Stops the robot (whatever ends a run).</summary>
    public void Stop() => _hardware.Stop();
}
