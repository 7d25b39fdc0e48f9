namespace Hpnna.Host.Tests;

/// <summary>
/// The robot the product exists for, on the simulator: the host's simulator backend with HC-SR04 modules read
/// by the project's own driver (<c>Hcsr04Array</c>, its ping schedule and echo decoder) over a simulated GPIO
/// whose echoes come from the world, in real time, with the L1 library the host picks for that layout.
/// </summary>
[Collection(WholeMachine.Name)]
public sealed class Hcsr04RobotTests
{
    [Fact]
    public async Task Through_the_real_driver_the_robot_reaches_every_goal()
    {
        // Eight hosts at once, each in real time (about 40 s of robot time): the whole set in one run's time.
        var runs = Enumerable.Range(1, 8)
            .Select(g => Task.Run(() => (Goal: $"G{g}", Run: HostProcess.Run(TimeSpan.FromSeconds(90), "--sonars", "hcsr04", "--goal", $"G{g}", "--Hpnna:StatusSeconds", "60"))))
            .ToArray();
        foreach (var (goal, (code, output, error)) in await Task.WhenAll(runs))
        {
            Assert.True(code == 0, $"{goal}: exit {code}\n{output}\n{error}");
            Assert.Contains("HC-SR04 modules 'hcsr04-5'", output);
            Assert.Contains("read by their driver over a simulated GPIO", output);
            Assert.Contains("l1-primitives-hcsr04.json", output);
            Assert.Matches($@"Run ended: reached {goal} after \d+\.\d s", output);
        }
    }
}
