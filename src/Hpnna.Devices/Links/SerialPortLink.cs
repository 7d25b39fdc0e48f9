using System.IO.Ports;
using Hpnna.Common.Links;

namespace Hpnna.Devices.Links;

/// <summary>
/// A serial link on System.IO.Ports, the portable transport (the operator's tools on Windows and macOS).
/// </summary>
/// <remarks>
/// SerialPort hangs after its device vanishes (see realtime.md): a pending read throws while IsOpen stays
/// true, a later write blocks forever or throws, and Close then never returns. The guard here: every write
/// has a time-out, the first failure marks the link lost and nothing touches the port again, and Close runs on
/// a background thread that Dispose waits for only briefly, so a dead adapter can hang neither the caller
/// nor the process exit. On Linux prefer <see cref="TermiosSerialLink"/>, which needs no such guard.
/// </remarks>
public sealed class SerialPortLink : IBaudRateLink
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(1);
    private readonly SerialPort _port;
    private bool _lost;
    private bool _disposed;

    private SerialPortLink(SerialPort port)
    {
        _port = port;
    }

    public string Description => $"{_port.PortName} (SerialPort)";

    public int BaudRate
    {
        get => _port.BaudRate;
        set => Guard(() => _port.BaudRate = value);
    }

    /// <exception cref="IOException">The port cannot be opened (missing ports are reported by SerialPort as access denied).</exception>
    public static SerialPortLink Open(string path, int baudRate = 9600)
    {
        var port = new SerialPort(path, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = 50,
            WriteTimeout = 500,
            DtrEnable = false,
            RtsEnable = false,
        };
        try
        {
            port.Open();
            port.DiscardInBuffer();
            return new SerialPortLink(port);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new IOException($"cannot open serial port {path}: {e.Message}", e);
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        ThrowIfUnusable();
        try
        {
            _port.ReadTimeout = Math.Max(1, (int)timeout.TotalMilliseconds);
            return _port.BaseStream.Read(buffer);
        }
        catch (TimeoutException)
        {
            return 0;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw Lost(e);
        }
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        ThrowIfUnusable();
        try
        {
            _port.BaseStream.Write(bytes);
        }
        catch (Exception e) when (e is TimeoutException or IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw Lost(e);
        }
    }

    /// <summary>SerialPort has no non-blocking write; this is <see cref="Write"/> with its time-out.</summary>
    public int WriteSome(ReadOnlySpan<byte> bytes)
    {
        Write(bytes);
        return bytes.Length;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var closer = new Thread(() =>
        {
            try
            {
                _port.Dispose();
            }
            catch (Exception)
            {
                // The device is gone; there is nothing left to release cleanly.
            }
        })
        {
            IsBackground = true,
            Name = $"close {_port.PortName}",
        };
        closer.Start();
        closer.Join(CloseWait);
    }

    private void Guard(Action action)
    {
        ThrowIfUnusable();
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException)
        {
            throw Lost(e);
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_lost)
        {
            throw new LinkLostException($"{Description}: link was lost");
        }
    }

    private LinkLostException Lost(Exception e)
    {
        _lost = true;
        return new LinkLostException($"{Description}: {e.Message}", e);
    }
}
