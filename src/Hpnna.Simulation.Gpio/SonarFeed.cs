using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hpnna.Robot.Contracts;

namespace Hpnna.Simulation.Gpio;

/// <summary>
/// The side channel of a hardware-in-the-loop bench whose robot has HC-SR04 modules: the rig, which plays the
/// world, tells the controller's simulated GPIO what each module's echo should answer. One line every
/// <see cref="Interval"/> over loopback TCP: <c>R r0 r1 ...</c>, a range in metres, <c>-</c> for nothing within
/// 4 m, <c>x</c> for a module that does not answer at all (dead or unplugged).
/// </summary>
public static class SonarFeed
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>The line for these module readings; <paramref name="faults"/> per module: NaN none, +inf silent, else a stuck range.</summary>
    public static string Format(ReadOnlySpan<SonarReading> readings, ReadOnlySpan<double> faults)
    {
        var line = new StringBuilder("R");
        for (var i = 0; i < readings.Length; i++)
        {
            var fault = i < faults.Length ? faults[i] : double.NaN;
            line.Append(' ').Append(
                double.IsPositiveInfinity(fault) ? "x"
                : !double.IsNaN(fault) ? fault.ToString("0.000", CultureInfo.InvariantCulture)
                : readings[i].Echo ? readings[i].Range.ToString("0.000", CultureInfo.InvariantCulture)
                : "-");
        }

        return line.ToString();
    }

    /// <summary>Applies one line to the simulated GPIO's modules; false for a line that is not a feed line (ignored).</summary>
    public static bool Apply(string line, SimulatedSonarGpio gpio, int modules)
    {
        var parts = line.Split(' ');
        if (parts.Length != modules + 1 || parts[0] != "R")
        {
            return false;
        }

        for (var i = 0; i < modules; i++)
        {
            var part = parts[i + 1];
            gpio.SetSilent(i, part == "x");
            gpio.SetRange(i, part is "x" or "-" ? null : double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) ? metres : null);
        }

        return true;
    }

    /// <summary>The rig's end: serves the latest line to whoever connects (the controller), every <see cref="Interval"/>.</summary>
    public sealed class Server : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private volatile string? _latest;

        public Server(int port)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _thread = new Thread(Serve) { IsBackground = true, Name = "sonar feed" };
            _thread.Start();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Any thread (the rig's serving thread after each physics step): the newest readings to send.</summary>
        public void Publish(ReadOnlySpan<SonarReading> readings, ReadOnlySpan<double> faults) => _latest = Format(readings, faults);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _thread.Join(TimeSpan.FromSeconds(1));
        }

        private void Serve()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = _listener.AcceptTcpClient();
                    using var stream = client.GetStream();
                    while (!_stop.IsCancellationRequested)
                    {
                        if (_latest is { } line)
                        {
                            stream.Write(Encoding.ASCII.GetBytes(line + "\n"));
                        }

                        _stop.Token.WaitHandle.WaitOne(Interval);
                    }
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
                {
                    // The controller went away (or the rig is stopping): wait for the next one.
                }
            }
        }
    }

    /// <summary>The controller's end: applies the rig's lines to the simulated GPIO, reconnecting while the rig is not there yet.</summary>
    public sealed class Client : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;

        public Client(string host, int port, SimulatedSonarGpio gpio, int modules)
        {
            _thread = new Thread(() => Run(host, port, gpio, modules)) { IsBackground = true, Name = "sonar feed" };
            _thread.Start();
        }

        /// <summary>Lines applied so far.</summary>
        public long Lines { get; private set; }

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join(TimeSpan.FromSeconds(1));
        }

        private void Run(string host, int port, SimulatedSonarGpio gpio, int modules)
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(host, port);
                    client.ReceiveTimeout = 500;
                    using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
                    while (!_stop.IsCancellationRequested && reader.ReadLine() is { } line)
                    {
                        Lines += SonarFeed.Apply(line, gpio, modules) ? 1 : 0;
                    }
                }
                catch (Exception e) when (e is IOException or SocketException)
                {
                    _stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
                }
            }
        }
    }
}
