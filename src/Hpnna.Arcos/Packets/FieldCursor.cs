using System.Buffers.Binary;

namespace Hpnna.Arcos.Packets;

/// <summary>Reads little-endian fields in order and answers null once the data run out (optional trailing fields).</summary>
internal ref struct FieldCursor(ReadOnlySpan<byte> data)
{
    private ReadOnlySpan<byte> _data = data;

    public bool AtEnd => _data.IsEmpty;

    public byte? Byte()
    {
        if (_data.Length < 1)
        {
            return null;
        }

        var value = _data[0];
        _data = _data[1..];
        return value;
    }

    public ushort? UInt16()
    {
        if (_data.Length < 2)
        {
            _data = default;
            return null;
        }

        var value = BinaryPrimitives.ReadUInt16LittleEndian(_data);
        _data = _data[2..];
        return value;
    }

    public int? Int32()
    {
        if (_data.Length < 4)
        {
            _data = default;
            return null;
        }

        var value = BinaryPrimitives.ReadInt32LittleEndian(_data);
        _data = _data[4..];
        return value;
    }

    /// <summary>A NUL-terminated string (allocates; used only for once-per-connection packets).</summary>
    public string? NulTerminated()
    {
        if (_data.IsEmpty)
        {
            return null;
        }

        var end = _data.IndexOf((byte)0);
        var length = end < 0 ? _data.Length : end;
        var text = System.Text.Encoding.ASCII.GetString(_data[..length]);
        _data = end < 0 ? default : _data[(end + 1)..];
        return text;
    }
}
