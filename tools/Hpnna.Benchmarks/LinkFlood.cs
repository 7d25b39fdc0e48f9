using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Hpnna.Benchmarks;

/// <summary>
/// An attacker on the command link, for link-flood.sh: up to <c>idle</c> connections opened and left silent, and
/// eight clients reconnecting without pause, each sending a burst of junk and malformed commands per connection.
/// Seeded junk, so two runs send the same bytes. Prints what it did; the service's own status line says what
/// it cost the control loop.
/// </summary>
internal static class LinkFlood
{
    private const int Chatty = 8;

    public static int Run(string host, int port, double seconds, int idle)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        long opened = 0, refused = 0, lines = 0, replies = 0;
        var silent = new List<Socket>();
        var clock = Stopwatch.StartNew();
        var chatty = Enumerable.Range(0, Chatty).Select(i => Task.Run(() =>
        {
            var random = new Random(i + 1);
            var junk = new byte[64];
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(host, port);
                    Interlocked.Increment(ref opened);
                    client.ReceiveTimeout = 500;
                    using var stream = client.GetStream();
                    using var reader = new StreamReader(stream, Encoding.ASCII);
                    for (var n = 0; n < 50 && !stop.IsCancellationRequested; n++)
                    {
                        random.NextBytes(junk);
                        stream.Write(n % 2 == 0 ? Encoding.ASCII.GetBytes($"GOAL G{n % 9}*00\n") : [.. junk.Select(b => b == (byte)'\n' ? (byte)'x' : b), (byte)'\n']);
                        Interlocked.Increment(ref lines);
                        if (reader.ReadLine() is null)
                        {
                            break;
                        }

                        Interlocked.Increment(ref replies);
                    }
                }
                catch (Exception e) when (e is SocketException or IOException)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }, CancellationToken.None)).ToArray();

        while (!stop.IsCancellationRequested)
        {
            if (silent.Count < idle)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Connect(host, port);
                    silent.Add(socket);
                }
                catch (SocketException)
                {
                    socket.Dispose();
                    Interlocked.Increment(ref refused);
                }
            }
            else
            {
                stop.Token.WaitHandle.WaitOne(100);
            }
        }

        Task.WaitAll(chatty);
        foreach (var socket in silent)
        {
            socket.Dispose();
        }

        Console.Out.WriteLine($"flood: {clock.Elapsed.TotalSeconds:0.0} s, {silent.Count} silent connections held, {Interlocked.Read(ref opened)} chatty connections, {lines} junk lines sent, {replies} replies, {refused} connections refused or cut");
        return 0;
    }
}
