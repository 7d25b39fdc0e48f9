using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Hpnna.Devices.Sonar;

namespace Hpnna.Devices.Native;

/// <summary>
/// The Linux GPIO character device, uAPI v2 (Linux 5.10 and later): a line request for edge events and the
/// 48-byte event records the kernel stamps in its interrupt path on CLOCK_MONOTONIC, the clock
/// <see cref="System.Diagnostics.Stopwatch"/> reads on Linux. Layout and constants from the kernel header
/// (checked in shared/spec/realtime.md).
/// </summary>
internal static unsafe partial class GpioV2
{
    public const uint GetLineIoctl = 0xC250B407;
    public const int LineRequestSize = 592;
    public const int EventSize = 48;
    public const int MaxLines = 64;

    public const ulong FlagInput = 0x4;
    public const ulong FlagEdgeRising = 0x10;
    public const ulong FlagEdgeFalling = 0x20;

    private const int ConsumerOffset = 256;
    private const int ConfigFlagsOffset = 288;
    private const int NumLinesOffset = 560;
    private const int EventBufferSizeOffset = 564;
    private const int FdOffset = 588;

    private const uint EventRising = 1;
    private const uint EventFalling = 2;

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, byte* argument);

    /// <summary>Fills a <c>gpio_v2_line_request</c> for inputs with both edges on <paramref name="lines"/>.</summary>
    public static void WriteEdgeRequest(Span<byte> request, ReadOnlySpan<int> lines, string consumer, int eventBufferSize)
    {
        if (lines.Length is 0 or > MaxLines)
        {
            throw new ArgumentException($"a line request takes 1 to {MaxLines} lines (got {lines.Length})", nameof(lines));
        }

        request[..LineRequestSize].Clear();
        for (var i = 0; i < lines.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(request[(4 * i)..], (uint)lines[i]);
        }

        var name = Encoding.ASCII.GetBytes(consumer);
        name.AsSpan(0, Math.Min(name.Length, 31)).CopyTo(request[ConsumerOffset..]);
        BinaryPrimitives.WriteUInt64LittleEndian(request[ConfigFlagsOffset..], FlagInput | FlagEdgeRising | FlagEdgeFalling);
        BinaryPrimitives.WriteUInt32LittleEndian(request[NumLinesOffset..], (uint)lines.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(request[EventBufferSizeOffset..], (uint)eventBufferSize);
    }

    /// <summary>The line file descriptor the kernel wrote back into a granted request.</summary>
    public static int ReadRequestFd(ReadOnlySpan<byte> request) => BinaryPrimitives.ReadInt32LittleEndian(request[FdOffset..]);

    /// <summary>
    /// Decodes a <c>gpio_v2_line_event</c>: u64 timestamp_ns, u32 id (1 rising, 2 falling), u32 offset, then
    /// sequence numbers. The stamp becomes Stopwatch ticks.
    /// </summary>
    public static bool TryDecodeEvent(ReadOnlySpan<byte> record, out EchoEdge edge)
    {
        edge = default;
        if (record.Length < EventSize)
        {
            return false;
        }

        var nanoseconds = BinaryPrimitives.ReadUInt64LittleEndian(record);
        var id = BinaryPrimitives.ReadUInt32LittleEndian(record[8..]);
        var line = (int)BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        if (id is not (EventRising or EventFalling))
        {
            return false;
        }

        var ticks = (long)(nanoseconds * (System.Diagnostics.Stopwatch.Frequency / 1e9));
        edge = new EchoEdge(line, id == EventRising, ticks);
        return true;
    }
}
