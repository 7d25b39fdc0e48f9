using System.Net;
using System.Net.Sockets;

namespace Hpnna.Tests.Shared;

/// <summary>A loopback TCP port nobody listens on right now (the OS picks it).</summary>
internal static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
