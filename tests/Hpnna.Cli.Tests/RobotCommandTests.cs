namespace Hpnna.Cli.Tests;

[Collection("real time")]
public sealed class RobotCommandTests
{
    [Fact]
    public void Check_connects_to_the_emulator_over_tcp_and_prints_what_the_robot_reports()
    {
        var port = FreePort.Next();
        var emulate = new Thread(() => CliRun.InProcess("robot", "emulate", "--tcp", port.ToString(), "--seconds", "5"));
        emulate.Start();
        CliRun check;
        var attempts = 0;
        do
        {
            Thread.Sleep(300);
            check = CliRun.InProcess("robot", "check", "--tcp", $"127.0.0.1:{port}", "--seconds", "0.5");
        }
        while (check.ExitCode != 0 && ++attempts < 3);

        emulate.Join();
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("robot      HpnnaEmulator (Pioneer p3dx-sh)", check.Output);
        Assert.Contains("battery    13.0 V, motors enabled", check.Output);
        Assert.Matches(@"sonar \(m\)  s0 \d\.\d\d", check.Output);
        Assert.Contains("watchdog   2000 ms: after a link loss the robot drives on blind that long; set 500 ms in its FLASH", check.Output);
    }

    [Fact]
    public void With_a_goal_the_emulator_judges_the_run_and_ends_at_its_outcome()
    {
        // A client that stands still: the run times out at 2 s of robot time, and the emulator says so and exits 2.
        var port = FreePort.Next();
        CliRun? emulated = null;
        var emulate = new Thread(() => emulated = CliRun.InProcess("robot", "emulate", "--tcp", port.ToString(), "--goal", "G3", "--time-limit", "2", "--seconds", "30"));
        emulate.Start();
        for (var attempts = 0; attempts < 3 && CliRun.InProcess("robot", "check", "--tcp", $"127.0.0.1:{port}", "--seconds", "4").ExitCode != 0 && emulate.IsAlive; attempts++)
        {
            Thread.Sleep(300);
        }

        Assert.True(emulate.Join(TimeSpan.FromSeconds(30)), "the emulator did not end at the outcome");
        Assert.Equal(2, emulated!.ExitCode);
        Assert.Matches(@"outcome: timed out after 2\.\d s, 0\.0 m driven", emulated.Output);
    }

    [Fact]
    public void An_emulator_goal_the_maze_does_not_have_is_refused()
    {
        var run = CliRun.InProcess("robot", "emulate", "--tcp", "0", "--goal", "G9");
        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("G9", run.Error);
    }

    [Theory]
    [InlineData("give exactly one of --port PATH or --tcp HOST:PORT", "robot", "check")]
    [InlineData("give exactly one of --port PATH or --tcp HOST:PORT", "robot", "check", "--port", "/dev/ttyS9", "--tcp", "h:1")]
    [InlineData("--tcp must be HOST:PORT with a port from 1 to 65535 (got 'localhost')", "robot", "check", "--tcp", "localhost")]
    [InlineData("--baud must be one of 9600, 19200, 38400, 57600, 115200 (got 1234)", "robot", "check", "--port", "/dev/ttyS9", "--baud", "1234")]
    [InlineData("give exactly one of --pty PATH or --tcp PORT", "robot", "emulate")]
    [InlineData("--watchdog must be between 100 and 10000 ms (got 50)", "robot", "emulate", "--tcp", "0", "--watchdog", "50")]
    public void Bad_arguments_get_one_clear_error(string message, params string[] args)
    {
        var run = CliRun.InProcess(args);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith($"error: {message}", lines[0]);
    }
}
