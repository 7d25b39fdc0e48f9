using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Hpnna.Host.Services;

/// <summary>
/// Feeds systemd's watchdog (WatchdogSec in the unit) only while the control loop is ticking: a loop that
/// hangs stops the pings and systemd restarts the service. Silent when not run by systemd.
/// </summary>
public sealed class WatchdogService(ISystemdNotifier notifier, RunningController running, ILogger<WatchdogService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || !long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), out var microseconds) || microseconds <= 0)
        {
            return;
        }

        var metrics = (await running.Running.WaitAsync(stoppingToken)).Metrics;
        var interval = TimeSpan.FromMicroseconds(microseconds / 2.0);
        logger.LogInformation("systemd watchdog fed every {Seconds:0.#} s while the loop ticks", interval.TotalSeconds);
        var last = -1L;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var ticks = metrics.Ticks;
            if (ticks != last)
            {
                notifier.Notify(new ServiceState("WATCHDOG=1"));
                last = ticks;
            }
            else
            {
                logger.LogError("Control loop has not ticked for {Seconds:0.#} s; not feeding the systemd watchdog", interval.TotalSeconds);
            }
        }
    }
}
