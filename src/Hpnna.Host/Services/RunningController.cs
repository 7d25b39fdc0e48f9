using Hpnna.Programs.CommandLink;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.Services;

/// <summary>The running controller as the services that watch or steer it see it: its command-link target and its loop's metrics.</summary>
public sealed record RunningLoop(IProgramTarget Target, LoopMetrics Metrics);

/// <summary>Hands the running controller from the loop service to the services that watch or steer it, once it exists.</summary>
public sealed class RunningController
{
    private readonly TaskCompletionSource<RunningLoop> _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<RunningLoop> Running => _running.Task;

    public void Publish(IProgramTarget target, LoopMetrics metrics) => _running.TrySetResult(new RunningLoop(target, metrics));
}
