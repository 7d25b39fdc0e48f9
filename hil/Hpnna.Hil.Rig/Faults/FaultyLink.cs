using Hpnna.Common.Links;

namespace Hpnna.Hil.Rig.Faults;

/// <summary>
/// The rig's side of the line with faults on it: while <see cref="Cut"/> is set nothing passes either way
/// (bytes read are thrown away, bytes written are dropped, as on a broken cable); <see cref="InjectGarbage"/>
/// puts random bytes onto the line toward the controller.
/// </summary>
internal sealed class FaultyLink(IByteLink inner, int seed) : IByteLink
{
    private readonly Random _random = new(seed);
    private readonly byte[] _garbage = new byte[16];

    public bool Cut { get; set; }

    public long GarbageBytes { get; private set; }

    public string Description => inner.Description;

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var n = inner.Read(buffer, timeout);
        return Cut ? 0 : n;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (!Cut)
        {
            inner.Write(bytes);
        }
    }

    public int WriteSome(ReadOnlySpan<byte> bytes) => Cut ? bytes.Length : inner.WriteSome(bytes);

    /// <summary>Sends 1-16 random bytes (between packets, as line noise would).</summary>
    public void InjectGarbage()
    {
        var n = _random.Next(1, _garbage.Length + 1);
        _random.NextBytes(_garbage.AsSpan(0, n));
        GarbageBytes += inner.WriteSome(_garbage.AsSpan(0, n));
    }

    public double NextDouble() => _random.NextDouble();

    public void Dispose() => inner.Dispose();
}
