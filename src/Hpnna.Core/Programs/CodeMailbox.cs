using Hpnna.Common.Threading;

namespace Hpnna.Core.Programs;

/// <summary>
/// Hands a code from any thread to the stepping thread, whole and without allocating or blocking the reader:
/// a <see cref="TripleBuffer{T}"/> of code vectors whose writers are serialised by a lock the reader never takes.
/// </summary>
public sealed class CodeMailbox
{
    private readonly TripleBuffer<double[]> _buffer;
    private readonly Lock _writerLock = new();

    public CodeMailbox(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _buffer = new TripleBuffer<double[]>(() => new double[length]);
        Length = length;
    }

    public int Length { get; }

    /// <summary>Whether a code was posted and not yet taken.</summary>
    public bool HasFresh => _buffer.HasFresh;

    /// <summary>Posts a code (any thread). A later post replaces an untaken earlier one.</summary>
    public void Post(ReadOnlySpan<double> code)
    {
        if (code.Length != Length)
        {
            throw new ArgumentException($"a code here has {Length} values (got {code.Length})", nameof(code));
        }

        lock (_writerLock)
        {
            code.CopyTo(_buffer.Back);
            _buffer.Publish();
        }
    }

    /// <summary>
    /// On the stepping thread: copies the newest posted code into <paramref name="destination"/> and returns
    /// true, or returns false and leaves it unchanged when nothing new was posted.
    /// </summary>
    public bool TryTake(Span<double> destination)
    {
        if (!_buffer.TryRefresh())
        {
            return false;
        }

        _buffer.Front.CopyTo(destination);
        return true;
    }
}
