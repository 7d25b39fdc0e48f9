using Hpnna.Core.Layers;
using Hpnna.Programs.Library;
using Hpnna.Training.Evolution;
using Hpnna.Training.Libraries;
using Hpnna.Training.Primitives;
using Hpnna.Training.Robustness;

namespace Hpnna.Training.Experiments.Incremental;

/// <summary>One stage: the primitive learned, how the run went, and every primitive's behaviour after it.</summary>
public sealed record IncrementalStage(PrimitiveKind Learned, TrainedProgram Training, string InterpreterFingerprint, IReadOnlyDictionary<PrimitiveKind, Behaviour> Behaviours);

public sealed record IncrementalResult(DeSettings Settings, IReadOnlyList<IncrementalStage> Stages, PrimitiveArena Arena, TimeSpan Elapsed)
{
    /// <summary>True when every primitive behaves bit for bit the same at every stage after the one that learned it.</summary>
    public bool EarlierProgramsUnchanged => Stages.SelectMany(s => s.Behaviours)
        .GroupBy(b => b.Key)
        .All(g => g.Select(b => b.Value.Fingerprint).Distinct().Count() == 1);
}

/// <summary>
/// Experiment 3: learn Pr, then Pl, then Pc (the corridor-centre follower) on one fixed L1 interpreter,
/// saving each into a program library on disk. After every stage the library is read back from disk and
/// every primitive learned so far is run from every start of the arena and fingerprinted: learning a new
/// program must leave the interpreter and the old programs' behaviour bit-identical.
/// </summary>
public static class IncrementalExperiment
{
    public static readonly IReadOnlyList<PrimitiveKind> Order = [PrimitiveKind.RightWall, PrimitiveKind.LeftWall, PrimitiveKind.Centre];

    public static IncrementalResult Run(LayerDefinition l1, DeSettings settings, string libraryPath, string command, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        settings.EnsureValid();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var arena = PrimitiveArena.Default;
        var library = new ProgramLibrary(l1, []);
        var stages = new List<IncrementalStage>();
        var total = Order.Count * settings.MaxGenerations;
        for (var i = 0; i < Order.Count; i++)
        {
            var kind = Order[i];
            var done = i * settings.MaxGenerations;
            var trained = ProgramTraining.Primitive(kind, arena, l1, settings, RobustTraining.None, command, progress: p => progress?.Invoke(done + p.Generation, total), cancellation: cancellation);
            cancellation.ThrowIfCancellationRequested();
            library.With(trained.Program).Save(libraryPath);
            library = ProgramLibrary.Load(libraryPath, l1);
            var behaviours = Order.Take(i + 1).ToDictionary(k => k, k => BehaviourProbe.Run(library.Interpreter, library[PrimitiveNames.Of(k)].Code, k, arena));
            stages.Add(new IncrementalStage(kind, trained, Fingerprint(library.Interpreter), behaviours));
        }

        return new IncrementalResult(settings, stages, arena, clock.Elapsed);
    }

    /// <summary>The interpreter as its library stores it, hashed: equal exactly when no weight, constant or setting changed.</summary>
    private static string Fingerprint(LayerDefinition interpreter) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(new ProgramLibrary(interpreter, []).ToJson()))).ToLowerInvariant()[..16];
}
