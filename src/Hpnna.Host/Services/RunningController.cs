using Hpnna.Programs.CommandLink;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.Services;

/// <summary>The running controller as the services that watch or steer it see it: its command-link target and its loop's metrics.</summary>
public sealed record RunningLoop(IProgramTarget Target, LoopMetrics Metrics);

/// <summary>
/// Hands the running controller from the loop service to the services that watch or steer it, once it exists,
/// and keeps the way to stop the robot for the last line of defence (an exception nothing else caught).
/// </summary>
public sealed class RunningController
{
    private readonly TaskCompletionSource<RunningLoop> _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? _stopRobot;

    public Task<RunningLoop> Running => _running.Task;

    public void Publish(IProgramTarget target, LoopMetrics metrics) => _running.TrySetResult(new RunningLoop(target, metrics));

    /// <summary>How to stop the robot from any thread (end the loop, command a stop, close the base's session).</summary>
    public void OnEmergency(Action stopRobot) => Volatile.Write(ref _stopRobot, stopRobot);

    /// <summary>Stops the robot, once, from any thread; a no-op before a robot exists.</summary>
    public void StopRobot() => Interlocked.Exchange(ref _stopRobot, null)?.Invoke();
}
