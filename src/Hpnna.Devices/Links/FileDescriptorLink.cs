using System.Diagnostics;
using System.Runtime.InteropServices;
using Hpnna.Common.Links;
using Hpnna.Devices.Native;

namespace Hpnna.Devices.Links;

/// <summary>
/// A byte link over a non-blocking Linux file descriptor (a serial device or a pseudo-terminal) using poll,
/// read and write directly: no managed I/O loop, no allocation, and loss of the device (EIO, hang-up) is
/// seen at once and never turns into a blocked call.
/// </summary>
public unsafe class FileDescriptorLink : IByteLink
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>How long closing waits for the last bytes to leave (a robot's stop and CLOSE: about 30 ms at 9600 baud).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMilliseconds(300);
    private int _fd;
    private bool _lost;

    protected FileDescriptorLink(int fd, string description)
    {
        _fd = fd;
        Description = description;
    }

    public string Description { get; }

    protected int Fd => _fd;

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        ThrowIfUnusable();
        if (!WaitFor(Libc.PollIn, timeout))
        {
            return 0;
        }

        fixed (byte* p = buffer)
        {
            var n = Libc.Read(_fd, p, buffer.Length);
            if (n > 0)
            {
                return (int)n;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (n < 0 && errno is Libc.EAgain or Libc.EIntr)
            {
                return 0;
            }

            throw Lost(n == 0 ? "end of file" : Marshal.GetPInvokeErrorMessage(errno));
        }
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        ThrowIfUnusable();
        var deadline = Environment.TickCount64 + (long)WriteTimeout.TotalMilliseconds;
        while (!bytes.IsEmpty)
        {
            fixed (byte* p = bytes)
            {
                var n = Libc.Write(_fd, p, bytes.Length);
                if (n > 0)
                {
                    bytes = bytes[(int)n..];
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (n < 0 && errno is not (Libc.EAgain or Libc.EIntr))
                {
                    throw Lost(Marshal.GetPInvokeErrorMessage(errno));
                }
            }

            var left = deadline - Environment.TickCount64;
            if (left <= 0 || !WaitFor(Libc.PollOut, TimeSpan.FromMilliseconds(left)))
            {
                throw Lost($"write did not complete within {WriteTimeout.TotalMilliseconds} ms");
            }
        }
    }

    public int WriteSome(ReadOnlySpan<byte> bytes)
    {
        ThrowIfUnusable();
        fixed (byte* p = bytes)
        {
            var n = Libc.Write(_fd, p, bytes.Length);
            if (n >= 0)
            {
                return (int)n;
            }

            var errno = Marshal.GetLastPInvokeError();
            return errno is Libc.EAgain or Libc.EIntr ? 0 : throw Lost(Marshal.GetPInvokeErrorMessage(errno));
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            // The last bytes written are often the most important (stop, CLOSE): let them leave, for a bounded
            // time. Whatever is still stuck after that (a peer holding the line back) is dropped, since closing
            // a terminal with unsent output waits for it to drain, up to 30 s on a serial port. Never flush a
            // drained queue: on a pseudo-terminal that would discard what the other side has not read yet.
            if (!WaitForDrain(fd, DrainTimeout))
            {
                Libc.TcFlush(fd, Libc.TcOFlush);
            }

            Libc.Close(fd);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>True once the output queue is empty (or cannot be asked about), false if bytes remain after <paramref name="timeout"/>.</summary>
    private static bool WaitForDrain(int fd, TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        int queued;
        while (Libc.Ioctl(fd, Libc.TiocOutQ, &queued) == 0 && queued > 0)
        {
            if (Stopwatch.GetElapsedTime(start) >= timeout)
            {
                return false;
            }

            Thread.Sleep(2);
        }

        return true;
    }

    /// <summary>Waits for readiness; false on time-out, throws when the descriptor reports an error or hang-up.</summary>
    private bool WaitFor(short events, TimeSpan timeout)
    {
        var poll = new Libc.PollFd { Fd = _fd, Events = events };
        var result = Libc.Poll(&poll, 1, Math.Max(0, (int)Math.Ceiling(timeout.TotalMilliseconds)));
        if (result < 0)
        {
            return Marshal.GetLastPInvokeError() == Libc.EIntr ? false : throw Lost(Marshal.GetLastPInvokeErrorMessage());
        }

        if (result == 0)
        {
            return false;
        }

        if ((poll.Revents & events) != 0)
        {
            return true;
        }

        throw Lost((poll.Revents & Libc.PollHup) != 0 ? "hang-up (peer or device gone)" : "device error");
    }

    private void ThrowIfUnusable()
    {
        if (_fd < 0)
        {
            throw new LinkLostException($"{Description}: link is closed");
        }

        if (_lost)
        {
            throw new LinkLostException($"{Description}: link was lost");
        }
    }

    private LinkLostException Lost(string reason)
    {
        _lost = true;
        return new LinkLostException($"{Description}: {reason}");
    }
}
