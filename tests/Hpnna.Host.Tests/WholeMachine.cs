namespace Hpnna.Host.Tests;

/// <summary>Tests that need the machine's cores to themselves (real-time hosts, long CPU-bound runs) run one after the other, never beside each other.</summary>
[CollectionDefinition(Name)]
public sealed class WholeMachine
{
    public const string Name = "whole machine";
}
