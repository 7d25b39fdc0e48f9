using System.Globalization;
using Hpnna.Host.Backends;
using Hpnna.Host.CommandLink;
using Hpnna.Host.Configuration;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hpnna.Host.Services;

/// <summary>
/// Runs the control loop on a dedicated thread for the life of the service, logs status from this (non
/// real-time) side, and ends the application when the run ends: exit code 0 on success, 2 when a simulated
/// run missed its goal, 1 on a fault. The robot is stopped before anything else in every case.
/// </summary>
public sealed class ControlLoopService(
    IOptions<ControllerSettings> options,
    ProgramSet programs,
    Func<ControllerSettings, ILogger, IRobotBackend> createBackend,
    RunningController running,
    IHostApplicationLifetime lifetime,
    ILogger<ControlLoopService> logger) : BackgroundService
{
    public const int ExitGoalNotReached = 2;
    public const int ExitFault = 1;

    private long _missCursor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var backend = createBackend(settings, logger);
        var goal = settings.Goal.ToUpperInvariant();
        var controller = HpnnaController.Create(
            programs.L1.Interpreter, programs.L2.Interpreter, programs.L1["Pr"].Code, programs.L1["Pl"].Code, programs.Goal(goal), backend.Hardware.Layout, backend.Clock.Period, goalNumber: GoalRoutes.Number(goal));
        var tick = new ControlTick(backend.Hardware, controller, backend.Clock.Period);
        ITickObserver[] judged = settings.Judge.Lambda > 0
            ? [new OdometryJudge(TMazeGenerator.Depth3(settings.Judge.Lambda).World, tick.Frame, goal, backend.Clock.Period, settings.Judge.TimeLimitSeconds)]
            : [];
        var judge = backend.Observers.Concat(judged).OfType<IRunJudge>().FirstOrDefault();
        var loop = new ControlLoop(tick, backend.Clock, [.. backend.Observers, .. judged, new DeadSonarLog(tick, logger)]);
        running.OnEmergency(() =>
        {
            loop.RequestStop();
            backend.Hardware.Stop();
            backend.Dispose(); // on the base: VEL 0, ENABLE 0, CLOSE from the client's own thread
        });
        controller.Goals.Landed = judge is null ? null : judge.GoalChanged; // judged by the goal in effect
        var target = new ControllerTarget(programs, controller, loop, goal);
        running.Publish(target, loop.Metrics);
        logger.LogInformation("Backend {Backend}", backend.Description);
        logger.LogInformation("Programs: L1 {L1} (Pr, Pl), L2 {L2}; goal {Goal}; control period {Period} ms", programs.L1Path, programs.L2Path, goal, settings.PeriodMilliseconds);

        Exception? fault = null;
        var done = new TaskCompletionSource();
        var realtime = backend.Clock is MonotonicTickSource && settings.RealtimePriority > 0;
        var thread = new Thread(() =>
        {
            try
            {
                if (realtime)
                {
                    var refused = RealtimeScheduling.TryEnableFifo(settings.RealtimePriority);
                    logger.LogInformation("Control thread scheduling: {Policy}", RealtimeScheduling.Describe(settings.RealtimePriority, refused));
                }

                loop.Run(stoppingToken);
            }
            catch (Exception e)
            {
                fault = e;
            }
            finally
            {
                done.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = "control",
        };
        thread.Start();

        var status = TimeSpan.FromSeconds(settings.StatusSeconds);
        while (!done.Task.IsCompleted)
        {
            await Task.WhenAny(done.Task, Task.Delay(status, CancellationToken.None));
            if (!done.Task.IsCompleted)
            {
                LogStatus(loop, target);
            }
        }

        SavePicture(backend);
        LogStatus(loop, target);
        if (fault is not null)
        {
            logger.LogCritical(fault, "Control loop failed; the robot was commanded to stop");
            Environment.ExitCode = ExitFault;
        }
        else if (judge is { Finished: true })
        {
            logger.Log(judge.Succeeded ? LogLevel.Information : LogLevel.Warning, "Run ended: {Outcome}", judge.Outcome);
            Environment.ExitCode = judge.Succeeded ? 0 : ExitGoalNotReached;
        }
        else
        {
            logger.LogInformation("Control loop stopped; robot stopped");
        }

        lifetime.StopApplication();
    }

    private void SavePicture(IRobotBackend backend)
    {
#if HPNNA_PLOTS
        if (backend is SimulatorBackend { Path: { } path })
        {
            path.Save();
            logger.LogInformation("Path drawn to {Png}", Path.GetFullPath(path.File));
        }
#endif
    }

    private void LogStatus(ControlLoop loop, ControllerTarget target)
    {
        var m = loop.Metrics;
        Span<DeadlineMiss> misses = stackalloc DeadlineMiss[DeadlineMissLog.Capacity];
        var count = m.Misses.Read(ref _missCursor, misses, out var lost);
        if (lost > 0)
        {
            logger.LogWarning("{Lost} deadline misses happened too fast to be logged one by one", lost);
        }

        foreach (var miss in misses[..count])
        {
            logger.LogWarning("Deadline missed: {Miss}", miss.ToString());
        }

        logger.LogInformation(
            string.Create(CultureInfo.InvariantCulture, $"{target.Status()}; tick duration p50 <= {m.DurationPercentile(0.5) * 1e6:0} us, p99 <= {m.DurationPercentile(0.99) * 1e6:0} us; lateness p99 <= {m.LatenessPercentile(0.99) * 1e3:0.###} ms, max {m.MaxLateness * 1e3:0.###} ms; setpoint v {loop.Tick.LastCommand.Linear:0.00} m/s w {loop.Tick.LastCommand.Angular:0.00} rad/s"));
    }

    /// <summary>Logs a dead sonar disc or implausible readings once per fault, from the control thread: the robot is being stopped, so the tick's cost no longer matters.</summary>
    private sealed class DeadSonarLog(ControlTick tick, ILogger logger) : ITickObserver
    {
        private int _reported = -1;
        private string? _implausible;

        public bool AfterTick(in Tick t)
        {
            if (!ReferenceEquals(tick.Implausible, _implausible))
            {
                _implausible = tick.Implausible;
                if (_implausible is not null)
                {
                    logger.LogError("Sonar readings implausible ({Reason}): holding the robot stopped until they are plausible again", _implausible);
                }
                else
                {
                    logger.LogInformation("Sonar readings plausible again: the robot moves");
                }
            }

            if (tick.DeadSonar != _reported)
            {
                _reported = tick.DeadSonar;
                if (_reported >= 0)
                {
                    logger.LogError("Sonar {Disc} ({Name}) hears nothing while its neighbours see a wall within {Near} m: stopping the robot. Check the sonar; RESUME over the command link once it hears again", _reported, tick.Frame.Layout[_reported].Name, SilentSonarWatch.NearRange);
                }
            }

            return false;
        }
    }
}
