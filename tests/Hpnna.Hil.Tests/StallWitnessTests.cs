using System.Diagnostics;
using Hpnna.Robot.Loop;
using Stall = Hpnna.Hil.Tests.MachineStallWitness.Stall;

namespace Hpnna.Hil.Tests;

/// <summary>How the soak judges a deadline miss against the machine's stalls, and that it reads the host's log right.</summary>
public sealed class StallWitnessTests
{
    /// <summary>A miss whose wake-up came at 100.300 s, 300 ms after its first missed deadline, on CPU 1.</summary>
    private static readonly DeadlineMiss Miss = new(2000, 6, 0.300, (long)(100.300 * Stopwatch.Frequency), 1, false, 0.0002);

    [Fact]
    public void A_stall_of_the_same_processor_over_the_miss_explains_it_and_one_elsewhere_does_not()
    {
        Stall[] stalls = [new(1, 100.010, 100.295), new(0, 99.0, 101.0)];
        Assert.InRange(MachineStallWitness.Unexplained(Miss, stalls, cpu: 1), 0.014, 0.016);
        Assert.Equal(0, MachineStallWitness.Unexplained(Miss, stalls, cpu: null), 9);

        // A stall that ended 100 ms before the wake-up leaves more than a period unexplained.
        Stall[] early = [new(1, 99.9, 100.2)];
        Assert.InRange(MachineStallWitness.Unexplained(Miss, early, cpu: 1), 0.099, 0.101);

        // Two stalls with a gap between them: the gap is what is left.
        Stall[] split = [new(1, 100.0, 100.1), new(1, 100.12, 100.3)];
        Assert.InRange(MachineStallWitness.Unexplained(Miss, split, cpu: 1), 0.019, 0.021);
        Assert.Equal(0.300, MachineStallWitness.Unexplained(Miss, [], cpu: 1), 9);
    }

    [Fact]
    public void The_soak_reads_back_every_miss_the_host_logs()
    {
        var overrun = Miss with { Index = 7, Overran = true, Cpu = 0 };
        var log = $"warn: Hpnna.Host.Services.ControlLoopService[0]\n      Deadline missed: {Miss}\nwarn: x[0]\n      Deadline missed: {overrun}\n";
        var misses = HostLog.DeadlineMisses(log);
        Assert.Equal(2, misses.Count);
        Assert.Equal((2000, 6, 1, false), (misses[0].Index, misses[0].Skipped, misses[0].Cpu, misses[0].Overran));
        Assert.Equal(0.300, misses[0].Late, 6);
        Assert.Equal(100.300, misses[0].WokeAtSeconds, 3);
        Assert.Equal((7, 0, true), (misses[1].Index, misses[1].Cpu, misses[1].Overran));
    }

    [Fact]
    public void The_witness_sees_its_own_process_not_running()
    {
        using var witness = new MachineStallWitness();
        Thread.Sleep(100);

        // Stop this process (every thread of it, the witness's included) for 200 ms, as a stolen processor would.
        using var stopper = Process.Start("sh", ["-c", $"kill -STOP {Environment.ProcessId}; sleep 0.2; kill -CONT {Environment.ProcessId}"]);
        stopper.WaitForExit();
        Thread.Sleep(100);

        Assert.True(witness.Pinned, witness.Describe());
        var stalls = witness.Stalls;
        for (var cpu = 0; cpu < Environment.ProcessorCount; cpu++)
        {
            Assert.Contains(stalls, s => s.Cpu == cpu && s.End - s.Start >= 0.15);
        }
    }
}
