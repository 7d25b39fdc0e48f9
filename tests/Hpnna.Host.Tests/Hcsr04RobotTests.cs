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
        // Four hosts at a time, each in real time (about 40 s of robot time). Eight at once on two cores, beside
        // other tests, starved the drivers' threads (a CI run lost G4 to a crash, three ticks late) as no Pi
        // running one service would.
        var results = new List<(string Goal, (int Code, string Output, string Error) Run)>();
        foreach (var batch in Enumerable.Range(1, 8).Chunk(4))
        {
            results.AddRange(await Task.WhenAll(batch.Select(g => Task.Run(() => ($"G{g}", HostProcess.Run(TimeSpan.FromSeconds(90), "--sonars", "hcsr04", "--goal", $"G{g}", "--Hpnna:StatusSeconds", "60"))))));
        }

        foreach (var (goal, (code, output, error)) in results)
        {
            Assert.True(code == 0, $"{goal}: exit {code}\n{output}\n{error}");
            Assert.Contains("HC-SR04 modules 'hcsr04-5'", output);
            Assert.Contains("read by their driver over a simulated GPIO", output);
            Assert.Contains("l1-primitives-hcsr04.json", output);
            Assert.Matches($@"Run ended: reached {goal} after \d+\.\d s", output);
        }
    }
}
