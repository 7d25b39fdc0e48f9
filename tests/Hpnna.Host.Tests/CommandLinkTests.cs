using System.Net;
using System.Net.Sockets;
using Hpnna.Devices.Links;
using Hpnna.Programs.CommandLink;

namespace Hpnna.Host.Tests;

/// <summary>The command link against the real host process: swaps mid-run over TCP and a serial pty, and authentication.</summary>
[Collection("processes")]
public sealed class CommandLinkTests
{
    [Fact]
    public void A_goal_swapped_over_tcp_mid_run_takes_effect() => RunOverTcp("G1", "G8", link =>
    {
        link.WaitForTicks(10);
        Assert.StartsWith("OK STATUS goal=G1", link.Send("STATUS"));
        Assert.Equal("OK GOAL G8", link.Send("GOAL G8"));
        Assert.Contains("junctions=0", link.WaitForStatus(s => s.Contains("goal=G8")));
        Assert.StartsWith("ERR bad checksum", link.SendRaw("GOAL G2*00"));
        Assert.StartsWith("ERR code for Pr", link.Send("CODE Pr 1,2,3"));
    });

    [Fact]
    public void A_goal_swapped_over_a_serial_pty_mid_run_takes_effect()
    {
        using var pty = PseudoTerminal.Open();
        using var host = HostProcess.Start("--goal", "G1", "--speed", "2", "--link-serial", pty.SlavePath, "--Hpnna:CommandLink:AllowUnauthenticated", "true");
        var link = new LinkClient(pty.Master);
        link.WaitForTicks(10);
        Assert.Equal("OK GOAL G7", link.Send("GOAL G7"));
        Assert.Contains("junctions=0", link.WaitForStatus(s => s.Contains("goal=G7")));
        Assert.True(host.WaitForExit(TimeSpan.FromSeconds(60)) == 0, host.Output + host.Error);
        Assert.Contains("Run ended: reached G7", host.Output);
    }

    [Fact]
    public void With_a_key_unauthenticated_and_replayed_commands_are_refused()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"hpnna-key-{Guid.NewGuid():N}");
        var key = "this robot's shared link key, 32"u8.ToArray();
        File.WriteAllBytes(keyFile, key);
        var port = FreePort.Next();
        try
        {
            using var host = HostProcess.Start("--goal", "G1", "--speed", "1", "--link-tcp", port.ToString(), "--link-key", keyFile);
            using var link = LinkClient.ConnectTcp(port);
            link.WaitForTicks(2);
            Assert.StartsWith("ERR not authenticated", link.Send("GOAL G8"));
            Assert.StartsWith("ERR not authenticated", link.Send("STOP"));

            var nonce = link.Send("HELLO").Split(' ').Single(w => w.StartsWith("nonce=", StringComparison.Ordinal))["nonce=".Length..];
            var signed = $"GOAL G6 seq=1 mac={LinkAuthenticator.Sign(key, nonce, 1, "GOAL G6")}";
            Assert.Equal("OK GOAL G6", link.Send(signed));
            Assert.StartsWith("ERR replayed or stale", link.Send(signed));
            Assert.StartsWith("ERR bad mac", link.Send($"GOAL G2 seq=2 mac={LinkAuthenticator.Sign("a wrong key of sixteen+ bytes"u8.ToArray(), nonce, 2, "GOAL G2")}"));
            link.WaitForStatus(s => s.StartsWith("OK STATUS goal=G6", StringComparison.Ordinal), timeoutSeconds: 5);

            var stop = $"STOP seq=2 mac={LinkAuthenticator.Sign(key, nonce, 2, "STOP")}";
            Assert.Equal("OK STOP", link.Send(stop));
            Assert.Contains("state=stopped", link.Send("STATUS"));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public void A_goal_swapped_after_the_first_junction_is_reached_and_one_out_of_reach_is_refused() => RunOverTcp("G1", "G4", link =>
    {
        link.WaitForStatus(s => s.Contains("junctions=1 turns=L turning=no"));
        Assert.Equal("ERR G8 (RRR) can no longer be reached: turns taken L; still reachable: G1, G2, G3, G4", link.Send("GOAL G8"));
        Assert.Equal("OK GOAL G4", link.Send("GOAL G4"));
        Assert.Contains("junctions=1", link.WaitForStatus(s => s.Contains("goal=G4")));
    });

    [Fact]
    public void A_goal_out_of_reach_after_the_second_junction_is_refused_and_the_old_goal_is_reached() => RunOverTcp("G2", "G2", link =>
    {
        link.WaitForStatus(s => s.Contains("junctions=2 turns=LL turning=no"));
        Assert.Equal("ERR G3 (LRL) can no longer be reached: turns taken LL; still reachable: G1, G2", link.Send("GOAL G3"));
        Assert.Contains("goal=G2 junctions=2", link.Send("STATUS"));
    });

    /// <summary>A simulated run to <paramref name="goal"/> at twice real time, steered over TCP by <paramref name="operate"/>, that must end at <paramref name="reached"/>.</summary>
    private static void RunOverTcp(string goal, string reached, Action<LinkClient> operate)
    {
        var port = FreePort.Next();
        using var host = HostProcess.Start("--goal", goal, "--speed", "2", "--link-tcp", port.ToString(), "--Hpnna:CommandLink:AllowUnauthenticated", "true");
        using (var link = LinkClient.ConnectTcp(port))
        {
            operate(link);
        }

        Assert.True(host.WaitForExit(TimeSpan.FromSeconds(60)) == 0, host.Output + host.Error);
        Assert.Contains($"Run ended: reached {reached}", host.Output);
    }
}
