using System.Device.Gpio;
using System.Diagnostics;
using Hpnna.Devices.Sonar;

namespace Hpnna.Simulation.Gpio;

/// <summary>
/// A GPIO driver that plays HC-SR04 modules, for machines without GPIO (tests, a laptop, a bench rig).
/// </summary>
/// <remarks>
/// A trigger pulse of at least 10 us makes the module raise its echo 0.45 ms after the trigger falls and hold
/// it for the sound's round trip to the simulated range (2 r / c), or about 38 ms when nothing is within 4 m,
/// as real modules do; a silent module never answers, and a module ignores triggers while its echo is high.
/// Both edges are known when the trigger falls, so everything a reader sees follows from the clock, not from
/// any thread of this driver being on time: an echo pin reads high between its edges' times (a busy-polling
/// reader measures the pulse as on a Pi), and <see cref="KernelEdges"/> hands each edge with its exact time
/// stamp to a reader that waits for it itself (what the kernel's interrupt-path stamping gives). Only
/// System.Device.Gpio callbacks come from a thread of their own, when their time comes and without a stamp, so
/// the portable path shows its real weakness, delivery delay.
/// </remarks>
public sealed class SimulatedSonarGpio : GpioDriver
{
    private static readonly TimeSpan EchoDelay = TimeSpan.FromMicroseconds(450);
    private static readonly TimeSpan NoReturnPulse = TimeSpan.FromMilliseconds(38);
    private static readonly TimeSpan MinimumTrigger = TimeSpan.FromMicroseconds(10);

    private readonly Hcsr04Module[] _modules;
    private readonly double _speedOfSound;
    private readonly double?[] _ranges;
    private readonly bool[] _silent;
    private readonly long[] _triggerRise;
    private readonly long[] _echoRise;
    private readonly long[] _echoFall;
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly List<(int Pin, PinChangeEventHandler Handler)> _callbacks = [];
    private readonly PriorityQueue<EchoEdge, long> _callbackEdges = new();
    private readonly List<(int Module, long Stamp)> _triggers = [];
    private readonly Lock _lock = new();
    private readonly SimulatedKernelEdges _kernel = new();
    private readonly Thread _delivery;
    private readonly CancellationTokenSource _stop = new();
    private readonly AutoResetEvent _wake = new(false);

    public SimulatedSonarGpio(IReadOnlyList<Hcsr04Module> modules, double speedOfSound = 343.0)
    {
        _modules = modules.ToArray();
        _speedOfSound = speedOfSound;
        _ranges = new double?[_modules.Length];
        _silent = new bool[_modules.Length];
        _triggerRise = new long[_modules.Length];
        _echoRise = new long[_modules.Length];
        _echoFall = new long[_modules.Length];
        _delivery = new Thread(DeliverCallbacks) { IsBackground = true, Name = "simulated sonar callbacks" };
        _delivery.Start();
    }

    /// <summary>Edges with exact time stamps, as the GPIO character device would deliver them.</summary>
    public IEchoEdgeSource KernelEdges => _kernel;

    /// <summary>Every accepted trigger: module index and the time its pulse started.</summary>
    public IReadOnlyList<(int Module, long Stamp)> Triggers
    {
        get
        {
            lock (_lock)
            {
                return _triggers.ToArray();
            }
        }
    }

    protected override int PinCount => 64;

    /// <summary>Sets what module <paramref name="module"/> sees: a range in metres, or null for nothing within 4 m.</summary>
    public void SetRange(int module, double? metres)
    {
        lock (_lock)
        {
            _ranges[module] = metres;
        }
    }

    /// <summary>A silent module never raises its echo (unplugged, dead).</summary>
    public void SetSilent(int module, bool silent)
    {
        lock (_lock)
        {
            _silent[module] = silent;
        }
    }

    protected override void OpenPin(int pinNumber)
    {
    }

    protected override void ClosePin(int pinNumber)
    {
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_lock)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_lock)
        {
            return _modes.GetValueOrDefault(pinNumber, PinMode.Input);
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Input or PinMode.Output;

    /// <summary>An echo pin is high from its rise to its fall, by the clock.</summary>
    protected override PinValue Read(int pinNumber)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            var module = Array.FindIndex(_modules, m => m.EchoPin == pinNumber);
            return module >= 0 && _echoRise[module] != 0 && now >= _echoRise[module] && now < _echoFall[module] ? PinValue.High : PinValue.Low;
        }
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            var module = Array.FindIndex(_modules, m => m.TriggerPin == pinNumber);
            if (module < 0)
            {
                return;
            }

            if (value == PinValue.High)
            {
                _triggerRise[module] = now;
                return;
            }

            var started = _triggerRise[module];
            var pulse = started == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started, now);
            _triggerRise[module] = 0;
            if (pulse < MinimumTrigger || now < _echoFall[module])
            {
                return;
            }

            _triggers.Add((module, started));
            if (_silent[module])
            {
                return;
            }

            var range = _ranges[module];
            var width = range is { } r and <= Hcsr04Module.MaxRange ? TimeSpan.FromSeconds(2 * r / _speedOfSound) : NoReturnPulse;
            var rise = now + Ticks(EchoDelay);
            var fall = rise + Ticks(width);
            _echoRise[module] = rise;
            _echoFall[module] = fall;
            var echo = _modules[module].EchoPin;
            _kernel.Schedule(new EchoEdge(echo, true, rise));
            _kernel.Schedule(new EchoEdge(echo, false, fall));
            if (_callbacks.Any(c => c.Pin == echo))
            {
                _callbackEdges.Enqueue(new EchoEdge(echo, true, rise), rise);
                _callbackEdges.Enqueue(new EchoEdge(echo, false, fall), fall);
            }
        }

        _wake.Set();
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var want = eventTypes.HasFlag(PinEventTypes.Rising) ? PinValue.High : PinValue.Low;
        var start = Read(pinNumber);
        while (!cancellationToken.IsCancellationRequested)
        {
            var level = Read(pinNumber);
            if (level != start && level == want)
            {
                return new WaitForEventResult { EventTypes = want == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling, TimedOut = false };
            }

            start = level;
            Thread.Sleep(1);
        }

        return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            _callbacks.Add((pinNumber, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            _callbacks.RemoveAll(c => c.Pin == pinNumber && c.Handler == callback);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _stop.Cancel();
        _wake.Set();
        _kernel.Dispose();
        base.Dispose(disposing);
    }

    private void DeliverCallbacks()
    {
        while (!_stop.IsCancellationRequested)
        {
            EchoEdge edge = default;
            long due;
            lock (_lock)
            {
                due = _callbackEdges.TryPeek(out var next, out var at) ? at : long.MaxValue;
                if (due <= Stopwatch.GetTimestamp())
                {
                    edge = _callbackEdges.Dequeue();
                }
            }

            if (edge.Timestamp == 0)
            {
                var wait = due == long.MaxValue ? TimeSpan.FromMilliseconds(50) : Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    _wake.WaitOne(wait);
                }

                continue;
            }

            PinChangeEventHandler[] handlers;
            lock (_lock)
            {
                handlers = [.. _callbacks.Where(c => c.Pin == edge.Line).Select(c => c.Handler)];
            }

            var args = new PinValueChangedEventArgs(edge.Rising ? PinEventTypes.Rising : PinEventTypes.Falling, edge.Line);
            foreach (var handler in handlers)
            {
                handler(this, args);
            }
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>
    /// The kernel-like edge queue: each edge scheduled with its exact time when the trigger falls, handed to the
    /// reader once that time has come, however late the reader asks (the reader's own wait is the only wait).
    /// </summary>
    private sealed class SimulatedKernelEdges : IEchoEdgeSource
    {
        private readonly PriorityQueue<EchoEdge, long> _queue = new();
        private readonly AutoResetEvent _scheduled = new(false);
        private readonly Lock _lock = new();

        public void Schedule(EchoEdge edge)
        {
            lock (_lock)
            {
                _queue.Enqueue(edge, edge.Timestamp);
            }

            _scheduled.Set();
        }

        public bool TryRead(TimeSpan timeout, out EchoEdge edge)
        {
            var deadline = Stopwatch.GetTimestamp() + Ticks(timeout);
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                bool waiting;
                long due;
                lock (_lock)
                {
                    waiting = _queue.TryPeek(out edge, out due);
                    if (waiting && due <= now)
                    {
                        _queue.Dequeue();
                        return true;
                    }
                }

                if (now >= deadline)
                {
                    edge = default;
                    return false;
                }

                // Sleep to the next edge's time (or the deadline, or until a new edge is scheduled); the last
                // fraction of a millisecond spun, so the edge is handed over on time when the reader keeps up.
                var until = waiting ? Math.Min(due, deadline) : deadline;
                var wait = Stopwatch.GetElapsedTime(now, until);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    _scheduled.WaitOne(wait - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(20);
                }
            }
        }

        public void Dispose() => _scheduled.Set();
    }
}
