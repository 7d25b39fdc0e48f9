using System.Net;
using System.Net.Sockets;
using System.Text;
using Hpnna.Devices.Links;
using Hpnna.Programs.CommandLink;

namespace Hpnna.Cli.Tests;

/// <summary><c>hpnna link</c> against the real command-link session behind a loopback port (the host's own tests cover the service end to end).</summary>
[Collection("real time")]
public sealed class LinkCommandTests
{
    private static readonly byte[] Key = "operator and robot share this 32"u8.ToArray();

    [Fact]
    public void It_says_hello_signs_with_the_key_and_prints_the_answer()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"hpnna-cli-key-{Guid.NewGuid():N}");
        File.WriteAllBytes(keyFile, [.. Key, (byte)'\n']);
        var target = new GoalTarget();
        var (port, server) = Serve(target, new LinkAuthenticator(Key, allowUnauthenticated: false));
        try
        {
            var run = CliRun.InProcess("link", "--tcp", $"127.0.0.1:{port}", "--key-file", keyFile, "GOAL", "g4");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("OK GOAL g4", run.Output.Trim());
            Assert.Equal("G4", target.Goal);
        }
        finally
        {
            server.Join();
            File.Delete(keyFile);
        }
    }

    [Fact]
    public void Without_the_key_a_state_change_is_refused_and_exits_1()
    {
        var target = new GoalTarget();
        var (port, server) = Serve(target, new LinkAuthenticator(Key, allowUnauthenticated: false));
        var run = CliRun.InProcess("link", "--tcp", $"127.0.0.1:{port}", "STOP");
        server.Join();
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("ERR not authenticated", run.Output);
        Assert.Null(target.Goal);
    }

    [Theory]
    [InlineData("GOAL takes G1..G8 (got 'G0')", "--tcp", "127.0.0.1:9", "GOAL", "G0")]
    [InlineData("give exactly one of --tcp HOST:PORT or --serial PATH", "STATUS")]
    public void Mistakes_are_caught_before_anything_is_sent(string message, params string[] args)
    {
        var run = CliRun.InProcess(["link", .. args]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {message}", run.Error.Trim());
    }

    /// <summary>One connection served by the real session, on a thread; returns the port.</summary>
    private static (int Port, Thread Server) Serve(IProgramTarget target, LinkAuthenticator authenticator)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = new Thread(() =>
        {
            using var link = new TcpLink(listener.AcceptSocket());
            listener.Stop();
            var session = new CommandLinkSession(target, authenticator);
            var reader = new LineReader(link, LinkCommand.MaxLineLength);
            try
            {
                for (var i = 0; i < 2; i++)
                {
                    var line = reader.ReadLine(TimeSpan.FromSeconds(5));
                    if (line is null)
                    {
                        return;
                    }

                    link.Write(Encoding.ASCII.GetBytes(session.Handle(line) + "\n"));
                }
            }
            catch (Hpnna.Common.Links.LinkLostException)
            {
                // The command sent one line and closed once it had its answer (a CI run saw the close as a reset).
            }
        });
        server.Start();
        return (port, server);
    }

    private sealed class GoalTarget : IProgramTarget
    {
        public string? Goal { get; private set; }

        public string? SelectGoal(string goal)
        {
            Goal = goal;
            return null;
        }

        public string? ReplaceCode(string program, double[] code) => "not here";

        public string? LoadLibrary(string level, string path) => "not here";

        public string? Stop() => null;

        public string? Resume() => null;

        public string? Restart() => null;

        public string Status() => $"goal={Goal}";
    }
}
