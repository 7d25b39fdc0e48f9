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
/// Every line is answered; a failing link is reopened with back-off.
/// </summary>
public sealed class CommandLinkService(
    IOptions<ControllerSettings> options,
    RunningController running,
    ILogger<CommandLinkService> logger) : BackgroundService
{
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
        listener.Start();
        using var registration = stop.Register(listener.Stop);
        while (!stop.IsCancellationRequested && TcpLink.AcceptOrNull(listener) is { } accepted)
        {
            Start($"command link {accepted.Description}", () =>
            {
                using var link = accepted;
                Serve(link, target, key, open, stop);
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
                Serve(link, target, key, settings.AllowUnauthenticated, stop);
            }
            catch (IOException e)
            {
                logger.LogWarning("Command link port: {Reason}; retrying in {Delay} ms", e.Message, delay.TotalMilliseconds);
            }

            stop.WaitHandle.WaitOne(delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    private void Serve(IByteLink link, IProgramTarget target, byte[]? key, bool open, CancellationToken stop)
    {
        var session = new CommandLinkSession(target, new LinkAuthenticator(key, open));
        var reader = new LineReader(link, LinkCommand.MaxLineLength);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var line = reader.ReadLine(TimeSpan.FromMilliseconds(200));
                if (line is null || line.Trim().Length == 0)
                {
                    continue;
                }

                var reply = session.Handle(line);
                link.Write(System.Text.Encoding.ASCII.GetBytes(reply + "\n"));
                if (reply.StartsWith("ERR", StringComparison.Ordinal))
                {
                    logger.LogWarning("Command link {Link}: refused '{Line}': {Reply}", link.Description, Shorten(line), reply);
                }
                else if (!reply.StartsWith("OK STATUS", StringComparison.Ordinal) && !reply.StartsWith("OK HELLO", StringComparison.Ordinal))
                {
                    logger.LogInformation("Command link {Link}: {Reply}", link.Description, Shorten(reply));
                }
            }
        }
        catch (LinkLostException e)
        {
            logger.LogInformation("Command link closed: {Reason}", e.Message);
        }
    }

    private static string Shorten(string line) => line.Length <= 120 ? line : line[..117] + "...";

    private static Thread Start(string name, Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }
}
