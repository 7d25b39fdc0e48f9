using System.Security.Cryptography;
using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Training.Primitives;

namespace Hpnna.Training.Experiments.Incremental;

/// <summary>What a primitive did from every start of the arena: the goals reached and a fingerprint of every pose and command.</summary>
public sealed record Behaviour(string Fingerprint, int GoalsReached, int Trials, IReadOnlyList<IReadOnlyList<Pose2D>> Paths);

/// <summary>
/// Runs one primitive code from every start of a <see cref="PrimitiveArena"/> on a fresh L1 interpreter and
/// fingerprints the run (SHA-256 over the bits of every pose and command, tick by tick): two behaviours are
/// bit-identical exactly when their fingerprints are equal.
/// </summary>
public static class BehaviourProbe
{
    public static Behaviour Run(LayerDefinition l1, ReadOnlySpan<double> code, PrimitiveKind kind, PrimitiveArena arena)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var controller = new PrimitiveController(new L1Interpreter(l1), code, arena.Grouping, arena.Motors);
        var reached = 0;
        var paths = new List<IReadOnlyList<Pose2D>>();
        var bytes = new byte[5 * sizeof(double)];
        for (var t = 0; t < arena.Trials.Count; t++)
        {
            var trace = new EpisodeTrace();
            reached += arena.Run(controller, t, kind, trace).Reached ? 1 : 0;
            foreach (var row in trace.Rows)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(0), row.Pose.X);
                BitConverter.TryWriteBytes(bytes.AsSpan(8), row.Pose.Y);
                BitConverter.TryWriteBytes(bytes.AsSpan(16), row.Pose.Heading);
                BitConverter.TryWriteBytes(bytes.AsSpan(24), row.Command.Linear);
                BitConverter.TryWriteBytes(bytes.AsSpan(32), row.Command.Angular);
                hash.AppendData(bytes);
            }

            paths.Add([.. trace.Rows.Select(r => r.Pose)]);
        }

        return new Behaviour(Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant(), reached, arena.Trials.Count, paths);
    }
}
