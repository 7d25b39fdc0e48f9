using System.Buffers.Binary;

namespace Hpnna.Arcos.Framing;

/// <summary>
/// Writes one packet into a caller's buffer: headers and type first, then little-endian fields, then
/// <see cref="Finish"/> fills in the count and the checksum. Allocation-free; used for both directions.
/// </summary>
public ref struct PacketBuilder
{
    private readonly Span<byte> _buffer;
    private int _length;

    /// <param name="buffer">Where the packet goes; <see cref="PacketLayout.MaximumLength"/> bytes always suffice.</param>
    /// <param name="type">The command number or packet type.</param>
    public PacketBuilder(Span<byte> buffer, byte type)
    {
        if (buffer.Length < PacketLayout.MinimumLength)
        {
            throw new ArgumentException($"a packet needs at least {PacketLayout.MinimumLength} bytes of buffer", nameof(buffer));
        }

        _buffer = buffer;
        buffer[0] = PacketLayout.Header1;
        buffer[1] = PacketLayout.Header2;
        buffer[PacketLayout.BodyOffset] = type;
        _length = PacketLayout.DataOffset;
    }

    public void Byte(byte value) => Reserve(1)[0] = value;

    public void SignedByte(sbyte value) => Reserve(1)[0] = unchecked((byte)value);

    public void Int16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Reserve(2), value);

    public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void UInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    /// <summary>ASCII characters then a NUL, the robot's string form (SYNC2 reply, CONFIG strings).</summary>
    public void NulTerminated(ReadOnlySpan<char> text)
    {
        var span = Reserve(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
        }

        span[^1] = 0;
    }

    /// <summary>Raw bytes.</summary>
    public void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>Writes count and checksum; returns the packet's length in the buffer.</summary>
    public int Finish()
    {
        var total = _length + 2;
        if (total > PacketLayout.MaximumLength)
        {
            throw new InvalidOperationException($"packet of {total} bytes is longer than the protocol allows ({PacketLayout.MaximumLength})");
        }

        _buffer[PacketLayout.CountOffset] = (byte)(total - PacketLayout.BodyOffset);
        var checksum = ArcosChecksum.Compute(_buffer[PacketLayout.BodyOffset.._length]);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(_length, 2), checksum);
        return total;
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count + 2 > Math.Min(_buffer.Length, PacketLayout.MaximumLength))
        {
            throw new InvalidOperationException("packet does not fit its buffer or the protocol's 258-byte limit");
        }

        var span = _buffer.Slice(_length, count);
        _length += count;
        return span;
    }
}
