using System.Text;
using Hpnna.Common.Links;
using Hpnna.Devices.Links;
using Hpnna.Programs.CommandLink;

namespace Hpnna.Host.Tests;

/// <summary>The operator's side of the command link in tests: raw lines out, checksummed answers back.</summary>
internal sealed class LinkClient(IByteLink link) : IDisposable
{
    private readonly LineReader _reader = new(link, LinkCommand.MaxLineLength);

    /// <summary>Sends <paramref name="body"/> with its checksum and returns the verified answer body.</summary>
    public string Send(string body, double timeoutSeconds = 5) => SendRaw(LineChecksum.Append(body), timeoutSeconds);

    public string SendRaw(string line, double timeoutSeconds = 5)
    {
        link.Write(Encoding.ASCII.GetBytes(line + "\n"));
        var answer = _reader.ReadLine(TimeSpan.FromSeconds(timeoutSeconds)) ?? throw new TimeoutException($"no answer to '{line}'");
        Assert.True(LineChecksum.TryVerify(answer.TrimEnd('\r'), out var body, out var problem), problem);
        return body;
    }

    /// <summary>
    /// Polls STATUS until the control loop has run <paramref name="ticks"/> ticks. Unanswered polls are retried:
    /// a serial port drops what arrived before the service opened it.
    /// </summary>
    public void WaitForTicks(long ticks)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            string status;
            try
            {
                status = Send("STATUS", timeoutSeconds: 0.5);
            }
            catch (TimeoutException)
            {
                continue;
            }

            var field = status.Split(' ').First(w => w.StartsWith("ticks=", StringComparison.Ordinal));
            if (long.Parse(field["ticks=".Length..], System.Globalization.CultureInfo.InvariantCulture) >= ticks)
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"the loop did not reach {ticks} ticks");
    }

    /// <summary>Polls STATUS until <paramref name="wanted"/> holds of it (the robot has passed a junction, a swap landed); the status.</summary>
    public string WaitForStatus(Func<string, bool> wanted, double timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        var status = "";
        while (DateTime.UtcNow < deadline)
        {
            status = Send("STATUS");
            if (wanted(status))
            {
                return status;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"STATUS never became what was waited for; last: {status}");
    }

    public static LinkClient ConnectTcp(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                return new LinkClient(TcpLink.Connect("127.0.0.1", port, TimeSpan.FromSeconds(1)));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    public void Dispose() => link.Dispose();
}
