using System.Device.Gpio;
using System.Diagnostics;
using Hpnna.Common.Threading;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Devices.Sonar;

/// <summary>
/// HC-SR04 modules on GPIO behind <see cref="ISonarArray"/>, pinged on a thread of their own.
/// </summary>
/// <remarks>
/// Each slot of the <see cref="PingSchedule"/>: raise the group's trigger lines for 10 us through
/// <see cref="GpioController"/>, then route echo edges from the <see cref="IEchoEdgeSource"/> to each module's
/// <see cref="EchoDecoder"/> until the slot ends, and publish the group's results. Nothing waits on a pin level
/// (the usual driver busy-polls the echo and loses a core for up to 25 ms per ping); a module that never
/// answers costs one slot and reads as max range with <see cref="EchoStatus.Missing"/>. The control thread
/// reads the newest complete set from a triple buffer: never blocked, never torn.
/// </remarks>
public sealed class Hcsr04Array : ISonarArray, IDisposable
{
    private static readonly TimeSpan TriggerPulse = TimeSpan.FromMicroseconds(10);

    /// <summary>Slack on the 60 ms module cycle for the time the trigger writes themselves take.</summary>
    private static readonly TimeSpan CycleMargin = TimeSpan.FromMilliseconds(0.5);

    private readonly Hcsr04Settings _settings;
    private readonly GpioController _gpio;
    private readonly IEchoEdgeSource _edges;
    private readonly EchoDecoder[] _decoders;
    private readonly Hcsr04Reading[] _latest;
    private readonly long[] _lastFired;
    private readonly TripleBuffer<Hcsr04Reading[]> _published;
    private readonly Dictionary<int, int> _moduleByEchoLine;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    /// <param name="gpio">Drives the trigger lines (the echo lines belong to <paramref name="edges"/>).</param>
    public Hcsr04Array(Hcsr04Settings settings, GpioController gpio, IEchoEdgeSource edges)
    {
        settings.Validate();
        _settings = settings;
        _gpio = gpio;
        _edges = edges;
        var count = settings.Modules.Count;
        _decoders = settings.Modules.Select(_ => new EchoDecoder(settings.SpeedOfSound, Hcsr04Module.MaxRange)).ToArray();
        _latest = new Hcsr04Reading[count];
        _lastFired = new long[count];
        Array.Fill(_latest, new Hcsr04Reading(Hcsr04Module.MaxRange, EchoStatus.None, 0));
        _published = new TripleBuffer<Hcsr04Reading[]>(() => (Hcsr04Reading[])_latest.Clone());
        _moduleByEchoLine = settings.Modules.Select((m, i) => (m.EchoPin, i)).ToDictionary(p => p.EchoPin, p => p.i);
        Layout = Hcsr04Module.Layout(settings.Modules);
        foreach (var module in settings.Modules)
        {
            _gpio.OpenPin(module.TriggerPin, PinMode.Output, PinValue.Low);
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "hcsr04" };
    }

    public SensorLayout Layout { get; }

    /// <summary>Pings completed since start.</summary>
    public long Pings { get; private set; }

    public void Start() => _thread.Start();

    /// <summary>
    /// Latest range of each module, aged from the end of its ping's slot; no echo (missing, out of range, not
    /// yet pinged) reads as max range, and a module not pinged yet is infinitely old.
    /// </summary>
    public void Read(Span<SonarReading> destination)
    {
        _published.TryRefresh();
        var readings = _published.Front;
        var now = Stopwatch.GetTimestamp();
        for (var i = 0; i < readings.Length && i < destination.Length; i++)
        {
            var age = readings[i].Stamp == 0 ? double.PositiveInfinity : readings[i].Age(now).TotalSeconds;
            destination[i] = readings[i].Status is EchoStatus.Range or EchoStatus.TooClose
                ? new SonarReading(readings[i].Range, true, age)
                : new SonarReading(Hcsr04Module.MaxRange, false, age, Answered: readings[i].Status != EchoStatus.Missing);
        }
    }

    /// <summary>Latest reading of each module with its outcome and time stamp (call from the same thread as <see cref="Read"/>).</summary>
    public void ReadDetailed(Span<Hcsr04Reading> destination)
    {
        _published.TryRefresh();
        _published.Front.AsSpan(0, Math.Min(destination.Length, _latest.Length)).CopyTo(destination);
    }

    public void Dispose()
    {
        _stop.Cancel();
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(1));
        }

        foreach (var module in _settings.Modules)
        {
            _gpio.Write(module.TriggerPin, PinValue.Low);
        }
    }

    private void Run()
    {
        var schedule = _settings.Schedule;
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            foreach (var group in schedule.Slots)
            {
                // The slot runs from the trigger, not from before the wait for the modules' 60 ms: timed from before
                // it, the half-millisecond margin each cycle adds ate the listening window, and after 60 cycles
                // (3.6 s) every echo fell outside its slot (every module read missing or out of range).
                var fired = Fire(group);
                Listen(fired + Ticks(schedule.SlotLength));
                var now = Stopwatch.GetTimestamp();
                foreach (var i in group)
                {
                    var (status, range) = _decoders[i].Finish();
                    _latest[i] = new Hcsr04Reading(range, status, now);
                    Pings++;
                }

                _latest.CopyTo(_published.Back, 0);
                _published.Publish();
                if (token.IsCancellationRequested)
                {
                    return;
                }
            }

            if (schedule.IdleAfterCycle > TimeSpan.Zero && token.WaitHandle.WaitOne(schedule.IdleAfterCycle))
            {
                return;
            }
        }
    }

    /// <summary>Triggers the group once each of its modules may fire again; returns when it armed them.</summary>
    private long Fire(int[] group)
    {
        // Arm before the trigger: any rising edge from now on answers this ping (a stale pulse's tail is only a
        // falling edge, which a decoder ignores until it has seen a rise), however long the writes below take.
        WaitForModuleCycle(group);
        var armed = Stopwatch.GetTimestamp();
        foreach (var i in group)
        {
            _decoders[i].Arm(armed);
            _gpio.Write(_settings.Modules[i].TriggerPin, PinValue.High);

            // Stamped after the write, not at arming: a write delayed past the margin must not bring the next
            // ping of this module within 60 ms of this one (a CI run saw 59.9 ms).
            _lastFired[i] = Stopwatch.GetTimestamp();
        }

        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < TriggerPulse)
        {
            Thread.SpinWait(10);
        }

        foreach (var i in group)
        {
            _gpio.Write(_settings.Modules[i].TriggerPin, PinValue.Low);
        }

        return armed;
    }

    /// <summary>Holds a group back until each of its modules had its 60 ms since its last ping, whatever the timers did.</summary>
    private void WaitForModuleCycle(int[] group)
    {
        var earliest = 0L;
        foreach (var i in group)
        {
            earliest = Math.Max(earliest, _lastFired[i] == 0 ? 0 : _lastFired[i] + Ticks(PingSchedule.MinimumSensorCycle + CycleMargin));
        }

        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), earliest);
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
            while (Stopwatch.GetTimestamp() < earliest)
            {
                Thread.SpinWait(10);
            }
        }
    }

    private void Listen(long slotEnd)
    {
        while (true)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slotEnd);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            if (_edges.TryRead(left, out var edge) && _moduleByEchoLine.TryGetValue(edge.Line, out var module))
            {
                _decoders[module].OnEdge(edge);
            }
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
