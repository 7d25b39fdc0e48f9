namespace Hpnna.Devices.Sonar;

/// <summary>One edge on an echo line: the GPIO line (pin), its direction and when it happened in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
public readonly record struct EchoEdge(int Line, bool Rising, long Timestamp);

/// <summary>
/// Where echo edges come from. The kernel's GPIO character device stamps them in the interrupt path
/// (<see cref="GpioV2EdgeSource"/>); System.Device.Gpio callbacks carry no stamp and are stamped on arrival
/// (<see cref="GpioCallbackEdgeSource"/>, the portable fallback).
/// </summary>
public interface IEchoEdgeSource : IDisposable
{
    /// <summary>The next edge on any watched line, waiting at most <paramref name="timeout"/>; false when none came.</summary>
    bool TryRead(TimeSpan timeout, out EchoEdge edge);
}
