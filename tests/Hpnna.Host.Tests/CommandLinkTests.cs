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
    public void A_goal_swapped_over_tcp_mid_run_takes_effect()
    {
        var port = FreePort.Next();
        using var host = HostProcess.Start("--goal", "G1", "--speed", "2", "--link-tcp", port.ToString(), "--Hpnna:CommandLink:AllowUnauthenticated", "true");
        using (var link = LinkClient.ConnectTcp(port))
        {
            link.WaitForTicks(10);
            Assert.StartsWith("OK STATUS goal=G1", link.Send("STATUS"));
            Assert.Equal("OK GOAL G8", link.Send("GOAL G8"));
            AssertBeforeFirstJunction(link.Send("STATUS"), "goal=G8");
            Assert.StartsWith("ERR bad checksum", link.SendRaw("GOAL G2*00"));
            Assert.StartsWith("ERR code for Pr", link.Send("CODE Pr 1,2,3"));
        }

        Assert.True(host.WaitForExit(TimeSpan.FromSeconds(60)) == 0, host.Output + host.Error);
        Assert.Contains("Run ended: reached G8", host.Output);
    }

    [Fact]
    public void A_goal_swapped_over_a_serial_pty_mid_run_takes_effect()
    {
        using var pty = PseudoTerminal.Open();
        using var host = HostProcess.Start("--goal", "G1", "--speed", "2", "--link-serial", pty.SlavePath, "--Hpnna:CommandLink:AllowUnauthenticated", "true");
        var link = new LinkClient(pty.Master);
        link.WaitForTicks(10);
        Assert.Equal("OK GOAL G7", link.Send("GOAL G7"));
        AssertBeforeFirstJunction(link.Send("STATUS"), "goal=G7");
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
            Assert.StartsWith("OK STATUS goal=G6", link.Send("STATUS"));

            var stop = $"STOP seq=2 mac={LinkAuthenticator.Sign(key, nonce, 2, "STOP")}";
            Assert.Equal("OK STOP", link.Send(stop));
            Assert.Contains("state=stopped", link.Send("STATUS"));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    /// <summary>
    /// L2 carries its program's progress in its state: a goal swapped after the first junction is taken from
    /// that state and may not lead to the new goal (see the README). These tests swap in the first corridor
    /// (the first junction is about 180 ticks away at lambda 3); this says so if a loaded machine was too slow.
    /// </summary>
    private static void AssertBeforeFirstJunction(string status, string goal)
    {
        Assert.Contains(goal, status);
        var ticks = long.Parse(status.Split(' ').Single(w => w.StartsWith("ticks=", StringComparison.Ordinal))["ticks=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ticks < 150, $"the swap landed at tick {ticks}, too close to the first junction to judge");
    }
}
