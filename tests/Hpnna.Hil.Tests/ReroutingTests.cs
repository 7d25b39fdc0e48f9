using Hpnna.Host.Tests;

namespace Hpnna.Hil.Tests;

/// <summary>Goals swapped over the command link after a junction, on the bench: the rig judges the new goal.</summary>
public sealed class ReroutingTests
{
    [Theory]
    [InlineData("goal-g4.json", 1, "L", "G4")] // LLL to LRR between junctions 1 and 2
    [InlineData("goal-g2.json", 2, "LL", "G2")] // LLL to LLR between junctions 2 and 3
    public void A_goal_swapped_after_a_junction_is_reached(string scenario, int junctions, string turns, string goal)
    {
        using var bench = Bench.Run(scenario, "--goal", "G1");
        using (var link = LinkClient.ConnectTcp(bench.LinkPort))
        {
            link.WaitForStatus(s => s.Contains($"junctions={junctions} turns={turns} turning=no"), timeoutSeconds: 60);
            Assert.Equal($"OK GOAL {goal}", link.Send($"GOAL {goal}"));
        }

        var (code, result) = bench.Verdict(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, bench.Explain(result));
    }
}
