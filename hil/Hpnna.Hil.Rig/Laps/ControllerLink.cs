using System.Text;
using Hpnna.Common.Links;
using Hpnna.Devices.Links;
using Hpnna.Programs.CommandLink;

namespace Hpnna.Hil.Rig.Laps;

/// <summary>
/// The rig's connection to the controller's command link over TCP. It connects on first use (the controller
/// may still be starting; it keeps trying for <see cref="ConnectPatience"/>) and again after a failure, each
/// time with a fresh HELLO, so a dropped connection costs one command, not the run.
/// </summary>
internal sealed class ControllerLink(string host, int port, byte[]? key) : IDisposable
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(30);

    private TcpLink? _link;
    private CommandLinkClient? _client;

    public string Send(string command)
    {
        try
        {
            return Client().Send(command);
        }
        catch (IOException)
        {
            Dispose();
            throw;
        }
        catch (LinkLostException e)
        {
            // The controller closed the link (it may have ended its run by itself): a failed command, not a rig crash.
            Dispose();
            throw new IOException($"the controller's command link dropped: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _link?.Dispose();
        _link = null;
        _client = null;
    }

    private CommandLinkClient Client()
    {
        if (_client is not null)
        {
            return _client;
        }

        var deadline = DateTime.UtcNow + ConnectPatience;
        while (_link is null)
        {
            try
            {
                _link = TcpLink.Connect(host, port, TimeSpan.FromSeconds(1));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }

        var link = _link;
        var reader = new LineReader(link, LinkCommand.MaxLineLength);
        _client = new CommandLinkClient(line => link.Write(Encoding.ASCII.GetBytes(line + "\n")), reader.ReadLine, key);
        _client.Hello();
        return _client;
    }
}
