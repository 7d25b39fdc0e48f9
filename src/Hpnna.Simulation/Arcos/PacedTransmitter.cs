using Hpnna.Common.Links;

namespace Hpnna.Simulation.Arcos;

/// <summary>
/// The emulated robot's UART: packets queue here and leave at 10 bits per byte of the configured baud rate
/// (a pseudo-terminal ignores baud, so without pacing a 9600-baud robot would answer 100 times too fast).
/// Bytes the peer does not take are dropped, as a real UART transmits whether or not anyone listens.
/// </summary>
internal sealed class PacedTransmitter(int baudRate)
{
    /// <summary>Line speed in baud (0 = unpaced); a HOSTBAUD switch changes it mid-session.</summary>
    public int BaudRate
    {
        get => baudRate;
        set => baudRate = value;
    }

    private readonly byte[] _queue = new byte[8192];
    private int _start;
    private int _end;
    private double _credit;
    private double _lastPump = double.NaN;

    public long DroppedBytes { get; private set; }

    public long SentBytes { get; private set; }

    public bool IsIdle => _start == _end;

    /// <summary>Queues a whole packet, or drops it whole when the queue is full.</summary>
    public void Enqueue(ReadOnlySpan<byte> packet)
    {
        if (_end + packet.Length > _queue.Length)
        {
            _queue.AsSpan(_start, _end - _start).CopyTo(_queue);
            _end -= _start;
            _start = 0;
        }

        if (_end + packet.Length > _queue.Length)
        {
            DroppedBytes += packet.Length;
            return;
        }

        packet.CopyTo(_queue.AsSpan(_end));
        _end += packet.Length;
    }

    /// <summary>Sends what the line could have carried since the last call (at <paramref name="now"/> seconds).</summary>
    public void Pump(IByteLink link, double now)
    {
        var pending = _end - _start;
        if (baudRate <= 0)
        {
            Send(link, pending);
            _lastPump = now;
            return;
        }

        if (double.IsNaN(_lastPump) || pending == 0)
        {
            _credit = pending == 0 ? 0 : 1;
        }
        else
        {
            _credit = Math.Min(_credit + (now - _lastPump) * baudRate / 10.0, pending);
        }

        _lastPump = now;
        var bytes = (int)_credit;
        if (bytes > 0)
        {
            Send(link, bytes);
            _credit -= bytes;
        }
    }

    /// <summary>Forgets queued bytes (a cut line, a closed session).</summary>
    public void Clear()
    {
        DroppedBytes += _end - _start;
        _start = _end = 0;
    }

    private void Send(IByteLink link, int count)
    {
        if (count == 0)
        {
            return;
        }

        var written = link.WriteSome(_queue.AsSpan(_start, count));
        SentBytes += written;
        DroppedBytes += count - written;
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }
}
