using Hpnna.Programs.CommandLink;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.Services;

/// <summary>Hands the running controller from the loop service to the services that watch or steer it, once it exists.</summary>
public sealed class RunningController
{
    private readonly TaskCompletionSource<(IProgramTarget Target, LoopMetrics Metrics)> _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IProgramTarget> Target => _running.Task.ContinueWith(t => t.Result.Target, TaskScheduler.Default);

    public Task<LoopMetrics> Metrics => _running.Task.ContinueWith(t => t.Result.Metrics, TaskScheduler.Default);

    public void Publish(IProgramTarget target, LoopMetrics metrics) => _running.TrySetResult((target, metrics));
}
