using System.Net;
using System.Net.Sockets;
using Hpnna.Common.Links;

namespace Hpnna.Devices.Links;

/// <summary>A byte link over TCP: simulators (MobileSim, AMRISim, this project's emulator) listen on 8101.</summary>
public sealed class TcpLink : IByteLink
{
    /// <summary>The port Pioneer simulators listen on for the first robot.</summary>
    public const int SimulatorPort = 8101;

    private readonly Socket _socket;
    private bool _lost;

    public TcpLink(Socket connected)
    {
        _socket = connected;
        _socket.NoDelay = true;
        _socket.Blocking = false;
        Description = connected.RemoteEndPoint?.ToString() ?? "tcp";
    }

    public string Description { get; }

    /// <exception cref="IOException">Nothing listens there or the connection timed out.</exception>
    public static TcpLink Connect(string host, int port, TimeSpan timeout)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            var connect = socket.BeginConnect(host, port, null, null);
            if (!connect.AsyncWaitHandle.WaitOne(timeout))
            {
                throw new IOException($"no answer from {host}:{port} within {timeout.TotalSeconds:0.#} s");
            }

            socket.EndConnect(connect);
            return new TcpLink(socket);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new IOException($"cannot connect to {host}:{port}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>What a malformed endpoint is told.</summary>
    public const string EndpointRule = "must be HOST:PORT with a port from 1 to 65535";

    /// <summary>Splits <c>HOST:PORT</c> (the port after the last colon, 1-65535); false when it is not one.</summary>
    public static bool TryParseEndpoint(string text, out string host, out int port)
    {
        var colon = text.LastIndexOf(':');
        host = colon > 0 ? text[..colon] : "";
        port = 0;
        return colon > 0
            && int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port)
            && port is >= 1 and <= 65535;
    }

    /// <summary>The next peer on <paramref name="listener"/> as a link, or null once the listener is stopped (how a server's accept loop ends).</summary>
    public static TcpLink? AcceptOrNull(TcpListener listener)
    {
        try
        {
            return new TcpLink(listener.AcceptSocket());
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Listens on loopback (port 0 picks a free one) and accepts one peer at a time.</summary>
    public static TcpListener Listen(int port) => new(IPAddress.Loopback, port);

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        ThrowIfLost();
        try
        {
            if (!Wait(SelectMode.SelectRead, timeout))
            {
                return 0;
            }

            var n = _socket.Receive(buffer, SocketFlags.None, out var error);
            return error switch
            {
                SocketError.Success when n > 0 => n,
                SocketError.Success => throw Lost("peer closed the connection"),
                SocketError.WouldBlock => 0,
                _ => throw Lost(error.ToString()),
            };
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw Lost(e.Message);
        }
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        var deadline = Environment.TickCount64 + 500;
        while (!bytes.IsEmpty)
        {
            bytes = bytes[WriteSome(bytes)..];
            if (bytes.IsEmpty)
            {
                break;
            }

            var left = deadline - Environment.TickCount64;
            if (left <= 0 || !Wait(SelectMode.SelectWrite, TimeSpan.FromMilliseconds(left)))
            {
                throw Lost("write did not complete within 500 ms");
            }
        }
    }

    public int WriteSome(ReadOnlySpan<byte> bytes)
    {
        ThrowIfLost();
        var sent = _socket.Send(bytes, SocketFlags.None, out var error);
        return error switch
        {
            SocketError.Success => sent,
            SocketError.WouldBlock => 0,
            _ => throw Lost(error.ToString()),
        };
    }

    public void Dispose() => _socket.Dispose();

    private bool Wait(SelectMode mode, TimeSpan timeout)
    {
        try
        {
            return _socket.Poll(timeout, mode);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw Lost(e.Message);
        }
    }

    private void ThrowIfLost()
    {
        if (_lost)
        {
            throw new LinkLostException($"{Description}: link was lost");
        }
    }

    private LinkLostException Lost(string reason)
    {
        _lost = true;
        return new LinkLostException($"{Description}: {reason}");
    }
}
