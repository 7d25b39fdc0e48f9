using System.Text;
using Hpnna.Common.Links;
namespace Hpnna.Devices.Links;

/// <summary>
/// Cuts a byte link into ASCII text lines (LF; a CR before it is kept for the caller to trim). A line longer
/// than <paramref name="maxLineLength"/> is handed on padded past that length (so the reader of it can refuse
/// it as too long) and the rest of it up to the next LF is dropped.
/// </summary>
public sealed class LineReader(IByteLink link, int maxLineLength)
{
    private readonly byte[] _chunk = new byte[512];
    private readonly byte[] _line = new byte[maxLineLength + 2];
    private int _length;
    private bool _overflowed;
    private int _pending;
    private int _at;

    /// <summary>The next whole line, or null when none arrived within <paramref name="timeout"/>.</summary>
    /// <exception cref="LinkLostException">The link is gone.</exception>
    public string? ReadLine(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            while (_at < _pending)
            {
                var b = _chunk[_at++];
                if (b == (byte)'\n')
                {
                    var line = Encoding.ASCII.GetString(_line, 0, _length);
                    var overflowed = _overflowed;
                    _length = 0;
                    _overflowed = false;
                    return overflowed ? line + new string('.', maxLineLength) : line;
                }

                if (_length < _line.Length)
                {
                    _line[_length++] = b;
                }
                else
                {
                    _overflowed = true;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            _pending = link.Read(_chunk, left);
            _at = 0;
        }
    }
}
