using System.Buffers.Binary;

namespace Hpnna.Arcos.Framing;

/// <summary>
/// The protocol's checksum: 16-bit sum of big-endian byte pairs over the type byte and data, with a last odd
/// byte XORed into the low byte. It is sent high byte first, the one big-endian field of the protocol.
/// </summary>
public static class ArcosChecksum
{
    /// <summary>The checksum of <paramref name="body"/> (the bytes from the command/type byte to the last data byte).</summary>
    public static ushort Compute(ReadOnlySpan<byte> body)
    {
        var sum = 0;
        var i = 0;
        for (; i + 1 < body.Length; i += 2)
        {
            sum = (sum + ((body[i] << 8) | body[i + 1])) & 0xFFFF;
        }

        if (i < body.Length)
        {
            sum ^= body[i];
        }

        return (ushort)sum;
    }

    /// <summary>Whether a whole framed packet (headers, count, body, checksum) carries the right checksum.</summary>
    public static bool Verify(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < PacketLayout.MinimumLength)
        {
            return false;
        }

        var body = packet[PacketLayout.BodyOffset..^2];
        return Compute(body) == BinaryPrimitives.ReadUInt16BigEndian(packet[^2..]);
    }
}
