using Hpnna.Common.Text;
using Hpnna.Common.Links;
using Hpnna.Devices.Links;
using Hpnna.Host.Configuration;
using Hpnna.Host.Services;
using Hpnna.Programs.CommandLink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hpnna.Host.CommandLink;

/// <summary>
/// Serves the command link on the configured serial port and/or loopback TCP port, one session (and one
/// nonce) per connection, each on a thread of its own so a slow operator never touches the control loop.
/// Every line is answered; a failing link is reopened with back-off. TCP sessions are bounded
/// (<see cref="MaxTcpSessions"/>; more are turned away with an ERR) and closed after
/// <see cref="IdleTimeout"/> without a line: thousands of idle connections, a thread each, once delayed the
/// control thread by most of a second.
/// </summary>
public sealed class CommandLinkService(
    IOptions<ControllerSettings> options,
    RunningController running,
    IHostApplicationLifetime lifetime,
    ILogger<CommandLinkService> logger) : BackgroundService
{
    public const int MaxTcpSessions = 4;

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    private int _tcpSessions;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.CommandLink;
        if (settings.TcpPort == 0 && settings.Serial.Length == 0)
        {
            return;
        }

        var key = settings.KeyFile.Length > 0 ? LinkAuthenticator.ReadKeyFile(settings.KeyFile) : null;
        var target = (await running.Running.WaitAsync(stoppingToken)).Target;
        var threads = new List<Thread>();
        if (settings.TcpPort > 0)
        {
            threads.Add(Start("command link tcp", () => ServeTcp(settings.TcpPort, target, key, settings.AllowUnauthenticated, stoppingToken)));
        }

        if (settings.Serial.Length > 0)
        {
            threads.Add(Start("command link serial", () => ServeSerial(settings, target, key, stoppingToken)));
        }

        logger.LogInformation("Command link on {Where}; authentication {Mode}",
            string.Join(" and ", new[] { settings.TcpPort > 0 ? $"127.0.0.1:{settings.TcpPort}" : null, settings.Serial.Length > 0 ? settings.Serial : null }.OfType<string>()),
            LinkAuthenticator.Describe(key is not null, settings.AllowUnauthenticated));
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var thread in threads)
        {
            thread.Join(TimeSpan.FromSeconds(1));
        }
    }

    private void ServeTcp(int port, IProgramTarget target, byte[]? key, bool open, CancellationToken stop)
    {
        var listener = TcpLink.Listen(port);
        try
        {
            listener.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            // Another service on the port (a second hpnna-host?): the operator could not reach this one, so it does not run.
            logger.LogCritical("Command link: cannot listen on 127.0.0.1:{Port}: {Reason}; stopping", port, e.Message);
            Environment.ExitCode = ControlLoopService.ExitFault;
            lifetime.StopApplication();
            return;
        }

        using var registration = stop.Register(listener.Stop);
        while (!stop.IsCancellationRequested && TcpLink.AcceptOrNull(listener) is { } accepted)
        {
            if (Interlocked.Increment(ref _tcpSessions) > MaxTcpSessions)
            {
                Interlocked.Decrement(ref _tcpSessions);
                using (accepted)
                {
                    TryWrite(accepted, LineChecksum.Append($"ERR busy: {MaxTcpSessions} command-link sessions are open"));
                }

                continue;
            }

            Start($"command link {accepted.Description}", () =>
            {
                try
                {
                    using var link = accepted;
                    Serve(link, target, key, open, IdleTimeout, stop);
                }
                finally
                {
                    Interlocked.Decrement(ref _tcpSessions);
                }
            });
        }
    }

    private void ServeSerial(CommandLinkSettings settings, IProgramTarget target, byte[]? key, CancellationToken stop)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var link = TermiosSerialLink.Open(settings.Serial, settings.Baud);
                delay = TimeSpan.FromMilliseconds(250);
                Serve(link, target, key, settings.AllowUnauthenticated, idleTimeout: null, stop);
            }
            catch (IOException e)
            {
                logger.LogWarning("Command link port: {Reason}; retrying in {Delay} ms", e.Message, delay.TotalMilliseconds);
            }

            stop.WaitHandle.WaitOne(delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    private void Serve(IByteLink link, IProgramTarget target, byte[]? key, bool open, TimeSpan? idleTimeout, CancellationToken stop)
    {
        var lastLine = System.Diagnostics.Stopwatch.GetTimestamp();
        var session = new CommandLinkSession(target, new LinkAuthenticator(key, open));
        var reader = new LineReader(link, LinkCommand.MaxLineLength);
        var budget = new LogBudget();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var line = reader.ReadLine(TimeSpan.FromMilliseconds(200));
                if (line is null || line.Trim().Length == 0)
                {
                    if (idleTimeout is { } idle && System.Diagnostics.Stopwatch.GetElapsedTime(lastLine) > idle)
                    {
                        logger.LogInformation("Command link {Link}: closed after {Seconds:0} s without a line", link.Description, idle.TotalSeconds);
                        return;
                    }

                    continue;
                }

                lastLine = System.Diagnostics.Stopwatch.GetTimestamp();

                var reply = session.Handle(line);
                link.Write(System.Text.Encoding.ASCII.GetBytes(reply + "\n"));
                if (reply.StartsWith("ERR", StringComparison.Ordinal))
                {
                    if (budget.TrySpend())
                    {
                        logger.LogWarning("Command link {Link}: refused '{Line}': {Reply}{Suppressed}", link.Description, PeerText.Escape(line), PeerText.Escape(reply), budget.TakeSuppressed());
                    }
                }
                else if (!reply.StartsWith("OK STATUS", StringComparison.Ordinal) && !reply.StartsWith("OK HELLO", StringComparison.Ordinal))
                {
                    logger.LogInformation("Command link {Link}: {Reply}", link.Description, PeerText.Escape(reply));
                }
            }
        }
        catch (LinkLostException e)
        {
            logger.LogInformation("Command link closed: {Reason}", e.Message);
        }
    }

    private static void TryWrite(IByteLink link, string line)
    {
        try
        {
            link.Write(System.Text.Encoding.ASCII.GetBytes(line + "\n"));
        }
        catch (Exception e) when (e is LinkLostException or IOException)
        {
            // The peer is gone already: nothing to tell it.
        }
    }

    private static Thread Start(string name, Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }
}
