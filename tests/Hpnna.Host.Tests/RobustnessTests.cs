namespace Hpnna.Host.Tests;

/// <summary>Inputs and conditions that crashed the service, against the real host process: each now gets one clear answer and the robot is never left running.</summary>
[Collection("processes")]
public sealed class RobustnessTests
{
    [Fact]
    public void A_code_for_a_program_no_library_holds_is_refused_and_the_service_goes_on()
    {
        // CODE G9 with a goal code's 24 values passed every check but the library's own and took the process down.
        var port = FreePort.Next();
        using var host = OpenLinkHost(port);
        using var link = LinkClient.ConnectTcp(port);
        link.WaitForTicks(2);

        Assert.StartsWith("ERR no program 'G9'", link.Send("CODE G9 " + string.Join(',', Enumerable.Repeat("0.5", 24))));
        Assert.StartsWith("ERR", link.Send("LOAD L1 /proc/self/fd/../\u0001"));
        Assert.StartsWith("OK STATUS goal=G1", link.Send("STATUS"));
        Assert.False(host.HasExited, host.Output + host.Error);
    }

    [Fact]
    public void A_second_host_on_the_same_command_link_port_says_so_in_one_line_and_exits_1()
    {
        var port = FreePort.Next();
        using var first = OpenLinkHost(port);
        using (var link = LinkClient.ConnectTcp(port))
        {
            link.WaitForTicks(2);
        }

        var (code, output, error) = HostProcess.Run("--goal", "G2", "--speed", "1", "--link-tcp", port.ToString(), "--Hpnna:CommandLink:AllowUnauthenticated", "true");

        Assert.Equal(1, code);
        Assert.Single(output.Split('\n'), l => l.Contains($"cannot listen on 127.0.0.1:{port}", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", output + error);
        Assert.DoesNotContain("   at ", output + error);
        Assert.Contains("robot stopped", output);
        Assert.False(first.HasExited, "the first host keeps running");
    }

    [Fact]
    public void A_flood_of_bad_lines_is_logged_a_few_times_and_terminal_escapes_are_written_escaped()
    {
        var port = FreePort.Next();
        using var host = OpenLinkHost(port);
        using (var link = LinkClient.ConnectTcp(port))
        {
            link.WaitForTicks(2);
            for (var i = 0; i < 200; i++)
            {
                Assert.StartsWith("ERR", link.SendRaw($"\u001b[2J\u001b[31mGOAL G{i}*00"));
            }

            Assert.StartsWith("OK STATUS", link.Send("STATUS"));
        }

        host.Terminate();
        host.WaitForExit(TimeSpan.FromSeconds(20));
        var refusals = host.Output.Split('\n').Count(l => l.Contains("refused", StringComparison.Ordinal));
        Assert.InRange(refusals, 1, 5);
        Assert.DoesNotContain('\u001b', host.Output);
        Assert.Contains(@"\x1b[2J\x1b[31mGOAL G0", host.Output);
    }

    [Fact]
    public void Command_link_connections_are_bounded_and_the_extra_ones_turned_away()
    {
        var port = FreePort.Next();
        using var host = OpenLinkHost(port);
        var open = Enumerable.Range(0, 4).Select(_ => LinkClient.ConnectTcp(port)).ToList();
        try
        {
            open[0].WaitForTicks(2);
            foreach (var link in open)
            {
                Assert.StartsWith("OK STATUS", link.Send("STATUS"));
            }

            // A fifth, and a fiftieth, get one line and a closed connection: no thread, no session.
            for (var i = 0; i < 50; i++)
            {
                using var extra = new System.Net.Sockets.TcpClient("127.0.0.1", port);
                using var reader = new StreamReader(extra.GetStream());
                Assert.StartsWith("ERR busy: 4 command-link sessions are open", reader.ReadLine());
            }
        }
        finally
        {
            open.ForEach(l => l.Dispose());
        }

        // Their places free again, a new operator gets in.
        Assert.True(Poll.Until(() =>
        {
            try
            {
                using var link = LinkClient.ConnectTcp(port);
                return link.SendRaw("STATUS*14").StartsWith("OK STATUS", StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException or TimeoutException or Hpnna.Common.Links.LinkLostException)
            {
                return false; // turned away while the old sessions were still closing
            }
        }, TimeSpan.FromSeconds(5)));
        Assert.False(host.HasExited, host.Output + host.Error);
    }

    [Fact]
    public void A_fifo_or_a_device_as_a_library_is_refused_at_start_and_over_load_without_waiting()
    {
        var folder = Directory.CreateTempSubdirectory("hpnna-fifo-").FullName;
        var fifo = Path.Combine(folder, "l1.json");
        try
        {
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])!)
            {
                mkfifo.WaitForExit(5000);
                Assert.Equal(0, mkfifo.ExitCode);
            }

            var (code, output, error) = HostProcess.Run("--l1", fifo);
            Assert.Equal(1, code);
            Assert.StartsWith($"error: {fifo}: $: malformed JSON", error);
            Assert.DoesNotContain("   at ", output + error);

            var port = FreePort.Next();
            using var host = OpenLinkHost(port);
            using var link = LinkClient.ConnectTcp(port);
            link.WaitForTicks(2);
            Assert.StartsWith($"ERR {fifo}: $: malformed JSON", link.Send($"LOAD L1 {fifo}"));
            Assert.StartsWith("ERR /dev/zero: $: cannot read the file: larger than 1024 KiB", link.Send("LOAD L2 /dev/zero"));
            Assert.StartsWith("OK STATUS goal=G1", link.Send("STATUS"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_serial_port_another_host_holds_is_refused_at_start_in_one_line()
    {
        using var pty = Hpnna.Devices.Links.PseudoTerminal.Open();
        using var first = HostProcess.Start("--goal", "G1", "--speed", "1", "--link-serial", pty.SlavePath, "--Hpnna:CommandLink:AllowUnauthenticated", "true");
        new LinkClient(pty.Master).WaitForTicks(2);

        var (code, output, error) = HostProcess.Run("--goal", "G2", "--link-serial", pty.SlavePath, "--Hpnna:CommandLink:AllowUnauthenticated", "true");

        Assert.Equal(1, code);
        Assert.Equal($"error: settings: Hpnna:CommandLink:Serial: serial port {pty.SlavePath} is in use by another process (another hpnna-host?)", error.Trim());
        Assert.False(first.HasExited, first.Output + first.Error);
    }

    /// <summary>A host running G1 in real time with an open (development) command link on loopback <paramref name="port"/>.</summary>
    private static ChildProcess OpenLinkHost(int port) =>
        HostProcess.Start("--goal", "G1", "--speed", "1", "--link-tcp", port.ToString(), "--Hpnna:CommandLink:AllowUnauthenticated", "true");
}
