namespace Hpnna.Common.Links;

/// <summary>
/// A full-duplex byte pipe the protocol runs over: a serial port, a pseudo-terminal, a TCP connection.
/// One thread owns a link and is the only one to read, write and dispose it. No call blocks longer than
/// its timeout, and once the peer is gone every call throws <see cref="LinkLostException"/>: a vanished
/// adapter can never hang a write, a close or the process exit.
/// </summary>
public interface IByteLink : IDisposable
{
    /// <summary>What the link is connected to, for logs ("/dev/ttyUSB0 at 9600 baud", "127.0.0.1:8101").</summary>
    string Description { get; }

    /// <summary>Reads what has arrived, waiting at most <paramref name="timeout"/>; 0 when nothing came.</summary>
    /// <exception cref="LinkLostException">The peer or the device is gone.</exception>
    int Read(Span<byte> buffer, TimeSpan timeout);

    /// <summary>Writes all bytes, or throws if they cannot leave within the link's write time-out.</summary>
    /// <exception cref="LinkLostException">The peer or the device is gone, or the write could not complete.</exception>
    void Write(ReadOnlySpan<byte> bytes);

    /// <summary>
    /// Writes what the link takes now without waiting and returns how many bytes that was (0 when the peer's
    /// buffer is full). A device that transmits whether or not anyone listens (an emulated robot's UART)
    /// writes this way and drops the rest.
    /// </summary>
    /// <exception cref="LinkLostException">The peer or the device is gone.</exception>
    int WriteSome(ReadOnlySpan<byte> bytes);
}

/// <summary>A serial link whose line speed can change in the middle of a session (the HOSTBAUD switch).</summary>
public interface IBaudRateLink : IByteLink
{
    int BaudRate { get; set; }
}
