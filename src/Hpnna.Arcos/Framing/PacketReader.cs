namespace Hpnna.Arcos.Framing;

/// <summary>
/// Finds packets in a byte stream that may carry garbage, in either direction of the link.
/// </summary>
/// <remarks>
/// Bytes are appended as they arrive; <see cref="TryRead"/> then hands out whole, checksummed packets.
/// Resynchronisation: look for <c>FA FB</c>; a candidate whose count is impossible or whose checksum is wrong
/// costs one byte (the scan restarts just after its first header byte), so a real packet hidden behind a
/// false header is still found. A candidate with a plausible count waits for its bytes to arrive, unless a
/// whole valid packet already follows it.
/// The buffer is fixed at construction: the receive path allocates nothing. Not thread-safe: one reader
/// thread owns it.
/// </remarks>
public sealed class PacketReader
{
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    /// <param name="capacity">Bytes held while a packet is incomplete; at least two whole packets.</param>
    public PacketReader(int capacity = 4 * PacketLayout.MaximumLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2 * PacketLayout.MaximumLength);
        _buffer = new byte[capacity];
    }

    /// <summary>Bytes thrown away because they belonged to no valid packet.</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Candidates dropped for a wrong checksum.</summary>
    public long ChecksumErrors { get; private set; }

    /// <summary>Valid packets handed out.</summary>
    public long Packets { get; private set; }

    /// <summary>How many bytes <see cref="Append"/> accepts now without dropping anything.</summary>
    public int FreeSpace => _buffer.Length - (_end - _start);

    /// <summary>
    /// Adds received bytes. Call <see cref="TryRead"/> until it returns false between appends; if more than
    /// <see cref="FreeSpace"/> bytes are appended the oldest pending bytes are discarded.
    /// </summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= _buffer.Length)
        {
            Discard(_end - _start + bytes.Length - _buffer.Length);
            _start = _end = 0;
            bytes = bytes[^_buffer.Length..];
        }

        var overflow = _end - _start + bytes.Length - _buffer.Length;
        if (overflow > 0)
        {
            Discard(overflow);
            _start += overflow;
        }

        if (_end + bytes.Length > _buffer.Length)
        {
            Compact();
        }

        bytes.CopyTo(_buffer.AsSpan(_end));
        _end += bytes.Length;
    }

    /// <summary>
    /// The next valid packet (headers through checksum), or false when none is complete yet. The span is
    /// valid until the next call to <see cref="Append"/> or <see cref="TryRead"/>.
    /// </summary>
    public bool TryRead(out ReadOnlySpan<byte> packet)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var header = pending.IndexOf([PacketLayout.Header1, PacketLayout.Header2]);
            if (header < 0)
            {
                // Keep a trailing 0xFA: it may be the first half of a header still arriving.
                var keep = pending.Length > 0 && pending[^1] == PacketLayout.Header1 ? 1 : 0;
                Skip(pending.Length - keep);
                packet = default;
                return false;
            }

            Skip(header);
            pending = pending[header..];
            if (pending.Length <= PacketLayout.CountOffset)
            {
                packet = default;
                return false;
            }

            int count = pending[PacketLayout.CountOffset];
            if (count < PacketLayout.MinimumCount)
            {
                Skip(1);
                continue;
            }

            var length = count + PacketLayout.BodyOffset;
            if (pending.Length < length)
            {
                // A whole valid packet behind an unfinished candidate wins: the candidate was a truncated
                // packet or garbage, and waiting for its count would delay (or, at a stream's end, lose) the real one.
                var later = FirstCompletePacket(pending);
                if (later > 0)
                {
                    Skip(later);
                    continue;
                }

                packet = default;
                return false;
            }

            var candidate = pending[..length];
            if (!ArcosChecksum.Verify(candidate))
            {
                ChecksumErrors++;
                Skip(1);
                continue;
            }

            _start += length;
            Packets++;
            packet = candidate;
            return true;
        }
    }

    /// <summary>Offset of the first header after the start of <paramref name="pending"/> that begins a whole, checksummed packet; -1 if none.</summary>
    private static int FirstCompletePacket(ReadOnlySpan<byte> pending)
    {
        for (var at = 1; at + PacketLayout.MinimumLength <= pending.Length; at++)
        {
            var next = pending[at..].IndexOf([PacketLayout.Header1, PacketLayout.Header2]);
            if (next < 0)
            {
                return -1;
            }

            at += next;
            if (at + PacketLayout.CountOffset >= pending.Length)
            {
                return -1;
            }

            var length = pending[at + PacketLayout.CountOffset] + PacketLayout.BodyOffset;
            if (length >= PacketLayout.MinimumLength && at + length <= pending.Length && ArcosChecksum.Verify(pending.Slice(at, length)))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>Forgets pending bytes (after a reconnect, say).</summary>
    public void Reset()
    {
        _start = _end = 0;
    }

    private void Skip(int count)
    {
        Discard(count);
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    private void Discard(int count) => DiscardedBytes += count;

    private void Compact()
    {
        var length = _end - _start;
        _buffer.AsSpan(_start, length).CopyTo(_buffer);
        _start = 0;
        _end = length;
    }
}
