namespace Hpnna.Host.Tests;

/// <summary>Tests that need the machine's cores to themselves (real-time hosts, long CPU-bound runs): run one after the other, and beside no other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeMachine
{
    public const string Name = "whole machine";
}
