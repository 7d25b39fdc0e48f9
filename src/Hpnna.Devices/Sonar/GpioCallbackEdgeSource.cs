using System.Device.Gpio;
using System.Diagnostics;

namespace Hpnna.Devices.Sonar;

/// <summary>
/// Echo edges from System.Device.Gpio callbacks, the portable fallback. The callbacks carry no time stamp
/// (dotnet/iot#1660), so each edge is stamped when its callback runs: any delay in delivering it shows as
/// range error (1 ms is 17 cm). Prefer <see cref="GpioV2EdgeSource"/> where the kernel offers it.
/// </summary>
public sealed class GpioCallbackEdgeSource : IEchoEdgeSource
{
    private readonly GpioController _gpio;
    private readonly int[] _lines;
    private readonly EchoEdge[] _queue = new EchoEdge[256];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly PinChangeEventHandler _handler;
    private int _head;
    private int _count;

    public GpioCallbackEdgeSource(GpioController gpio, IReadOnlyList<int> echoLines)
    {
        _gpio = gpio;
        _lines = echoLines.ToArray();
        _handler = OnEdge;
        foreach (var line in _lines)
        {
            gpio.OpenPin(line, PinMode.Input);
            gpio.RegisterCallbackForPinValueChangedEvent(line, PinEventTypes.Rising | PinEventTypes.Falling, _handler);
        }
    }

    /// <summary>Edges dropped because the reader fell 256 behind.</summary>
    public long Overflows { get; private set; }

    public bool TryRead(TimeSpan timeout, out EchoEdge edge)
    {
        edge = default;
        if (!_available.Wait(timeout))
        {
            return false;
        }

        lock (_lock)
        {
            edge = _queue[_head];
            _head = (_head + 1) % _queue.Length;
            _count--;
        }

        return true;
    }

    public void Dispose()
    {
        foreach (var line in _lines)
        {
            _gpio.UnregisterCallbackForPinValueChangedEvent(line, _handler);
        }
    }

    private void OnEdge(object sender, PinValueChangedEventArgs args)
    {
        var stamp = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (_count == _queue.Length)
            {
                Overflows++;
                return;
            }

            _queue[(_head + _count) % _queue.Length] = new EchoEdge(args.PinNumber, args.ChangeType == PinEventTypes.Rising, stamp);
            _count++;
        }

        _available.Release();
    }
}
