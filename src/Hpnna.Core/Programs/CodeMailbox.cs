namespace Hpnna.Core.Programs;

/// <summary>
/// Hands a code from any thread to the stepping thread, whole and without allocating or blocking the reader.
/// </summary>
/// <remarks>
/// A triple buffer: the writer fills its private back buffer and swaps it with the shared middle one; the
/// reader, at a step boundary, swaps its front buffer with the middle one when a fresh code is waiting.
/// The middle buffer's index and the "fresh" flag live in one int updated with
/// <see cref="Interlocked.Exchange(ref int, int)"/>, so the reader always gets the newest complete code and
/// never half of one. Writers are serialised by a lock the reader never takes.
/// </remarks>
public sealed class CodeMailbox
{
    private const int FreshBit = 4;
    private const int IndexMask = 3;

    private readonly double[][] _buffers;
    private readonly Lock _writerLock = new();
    private int _middle = 1; // index of the shared buffer, plus FreshBit when it holds an unread code
    private int _back = 2;   // writer-owned
    private int _front;      // reader-owned

    public CodeMailbox(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _buffers = [new double[length], new double[length], new double[length]];
        Length = length;
    }

    public int Length { get; }

    /// <summary>Whether a code was posted and not yet taken.</summary>
    public bool HasFresh => (Volatile.Read(ref _middle) & FreshBit) != 0;

    /// <summary>Posts a code (any thread). A later post replaces an untaken earlier one.</summary>
    public void Post(ReadOnlySpan<double> code)
    {
        if (code.Length != Length)
        {
            throw new ArgumentException($"a code here has {Length} values (got {code.Length})", nameof(code));
        }

        lock (_writerLock)
        {
            code.CopyTo(_buffers[_back]);
            _back = Interlocked.Exchange(ref _middle, _back | FreshBit) & IndexMask;
        }
    }

    /// <summary>
    /// On the stepping thread: copies the newest posted code into <paramref name="destination"/> and returns
    /// true, or returns false and leaves it unchanged when nothing new was posted.
    /// </summary>
    public bool TryTake(Span<double> destination)
    {
        if (!HasFresh)
        {
            return false;
        }

        _front = Interlocked.Exchange(ref _middle, _front) & IndexMask;
        _buffers[_front].CopyTo(destination);
        return true;
    }
}
