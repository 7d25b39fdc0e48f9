using System.Diagnostics;
using Hpnna.Arcos.Commands;
using Hpnna.Arcos.Framing;
using Hpnna.Common.Links;

namespace Hpnna.Devices.Arcos;

/// <summary>
/// A link with the protocol's framing on top: commands out from one reusable buffer, checksummed packets in
/// through a resynchronising <see cref="PacketReader"/>. Owned by one thread; allocation-free.
/// </summary>
internal sealed class PacketChannel(IByteLink link)
{
    private readonly PacketReader _reader = new();
    private readonly byte[] _receive = new byte[512];
    private readonly byte[] _send = new byte[PacketLayout.MaximumLength];

    public IByteLink Link => link;

    public long CommandsSent { get; private set; }

    public long ChecksumErrors => _reader.ChecksumErrors;

    public void Send(byte command) => Write(CommandPackets.Write(_send, command));

    public void Send(CommandNumber command) => Write(CommandPackets.Write(_send, command));

    public void Send(CommandNumber command, int argument) => Write(CommandPackets.Write(_send, command, argument));

    /// <summary>
    /// The next packet, waiting at most <paramref name="timeout"/> for bytes; false when none came whole in
    /// time. The span is valid until the next call.
    /// </summary>
    public bool TryReceive(TimeSpan timeout, out ReadOnlySpan<byte> packet)
    {
        if (_reader.TryRead(out packet))
        {
            return true;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            var n = link.Read(_receive, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (n > 0)
            {
                _reader.Append(_receive.AsSpan(0, n));
                if (_reader.TryRead(out packet))
                {
                    return true;
                }
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                packet = default;
                return false;
            }
        }
    }

    private void Write(int length)
    {
        link.Write(_send.AsSpan(0, length));
        CommandsSent++;
    }
}
