using System.Runtime.InteropServices;
using Hpnna.Devices.Native;

namespace Hpnna.Devices.Sonar;

/// <summary>
/// Echo edges from the kernel (GPIO character device, uAPI v2), stamped in the interrupt path: the pulse width
/// is exact however late this thread reads it. The precise source for a Raspberry Pi (Linux 5.10 and later,
/// no libgpiod needed).
/// </summary>
public sealed unsafe class GpioV2EdgeSource : IEchoEdgeSource
{
    private readonly byte[] _record = new byte[GpioV2.EventSize];
    private int _lineFd;

    private GpioV2EdgeSource(int lineFd)
    {
        _lineFd = lineFd;
    }

    /// <summary>Requests <paramref name="echoLines"/> on <paramref name="chip"/> (e.g. /dev/gpiochip0) as inputs with both edges.</summary>
    /// <exception cref="IOException">The chip cannot be opened or the lines are busy.</exception>
    public static GpioV2EdgeSource Open(string chip, IReadOnlyList<int> echoLines)
    {
        var chipFd = Libc.Open(chip, Libc.ORdWr | Libc.OCloExec);
        if (chipFd < 0)
        {
            throw new IOException($"cannot open {chip}: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        try
        {
            var request = stackalloc byte[GpioV2.LineRequestSize];
            var span = new Span<byte>(request, GpioV2.LineRequestSize);
            GpioV2.WriteEdgeRequest(span, echoLines.ToArray(), "hpnna-sonar", 64);
            if (GpioV2.Ioctl(chipFd, GpioV2.GetLineIoctl, request) < 0)
            {
                throw new IOException($"{chip}: cannot request lines {string.Join(", ", echoLines)} for edge events: {Marshal.GetLastPInvokeErrorMessage()}");
            }

            return new GpioV2EdgeSource(GpioV2.ReadRequestFd(span));
        }
        finally
        {
            Libc.Close(chipFd);
        }
    }

    public bool TryRead(TimeSpan timeout, out EchoEdge edge)
    {
        edge = default;
        var poll = new Libc.PollFd { Fd = _lineFd, Events = Libc.PollIn };
        if (Libc.Poll(&poll, 1, Math.Max(0, (int)Math.Ceiling(timeout.TotalMilliseconds))) <= 0)
        {
            return false;
        }

        fixed (byte* p = _record)
        {
            return Libc.Read(_lineFd, p, GpioV2.EventSize) == GpioV2.EventSize && GpioV2.TryDecodeEvent(_record, out edge);
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _lineFd, -1);
        if (fd >= 0)
        {
            Libc.Close(fd);
        }
    }
}
