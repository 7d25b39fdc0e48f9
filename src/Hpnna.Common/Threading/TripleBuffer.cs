namespace Hpnna.Common.Threading;

/// <summary>
/// Carries the newest value from one writer thread to one reader thread, whole, without locks, waiting or
/// allocation after construction.
/// </summary>
/// <remarks>
/// Three instances of <typeparamref name="T"/>: the writer fills its private <see cref="Back"/> and
/// <see cref="Publish"/>es it by swapping it with the shared middle one; the reader's <see cref="TryRefresh"/>
/// swaps its private <see cref="Front"/> with the middle one when a fresh value is waiting. The middle index and
/// the "fresh" flag share one int updated with <see cref="Interlocked.Exchange(ref int, int)"/>, so the reader
/// always sees the newest complete value and never a half-written one. Several writers must serialise
/// themselves.
/// </remarks>
public sealed class TripleBuffer<T>
    where T : class
{
    private const int FreshBit = 4;
    private const int IndexMask = 3;

    private readonly T[] _slots;
    private int _middle = 1; // index of the shared slot, plus FreshBit when it holds an unread value
    private int _back = 2;   // writer-owned
    private int _front;      // reader-owned

    /// <param name="create">Makes each of the three slots.</param>
    public TripleBuffer(Func<T> create)
    {
        _slots = [create(), create(), create()];
    }

    /// <summary>The writer's slot: fill it, then <see cref="Publish"/>. Other threads never touch it.</summary>
    public T Back => _slots[_back];

    /// <summary>The reader's slot: what the last successful <see cref="TryRefresh"/> brought.</summary>
    public T Front => _slots[_front];

    /// <summary>Whether a value was published and not yet taken by the reader.</summary>
    public bool HasFresh => (Volatile.Read(ref _middle) & FreshBit) != 0;

    /// <summary>Writer: hands <see cref="Back"/> over; <see cref="Back"/> is then a different (stale) slot.</summary>
    public void Publish() => _back = Interlocked.Exchange(ref _middle, _back | FreshBit) & IndexMask;

    /// <summary>Reader: takes the newest published value into <see cref="Front"/>; false if nothing new.</summary>
    public bool TryRefresh()
    {
        if (!HasFresh)
        {
            return false;
        }

        _front = Interlocked.Exchange(ref _middle, _front) & IndexMask;
        return true;
    }
}
