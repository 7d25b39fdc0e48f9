using System.Diagnostics;
using Hpnna.Core.Layers;
using Hpnna.Core.Transitions;
using Hpnna.Programs.Library;
using Hpnna.Training.Evolution;
using Hpnna.Training.Experiments.Maze;
using Hpnna.Training.Motifs;

namespace Hpnna.Training.Experiments.Chaining;

/// <summary>One regime's programs and how they chain.</summary>
public sealed record RegimeResult(MotifRegime Regime, MotifProgram[] Programs, PreparatoryPhase Phase, ChainResult Chains);

/// <summary>The robot's own chaining: the shipped hierarchy in the maze without and with L1's preparatory phase at Pr/Pl switches.</summary>
public sealed record MazeChaining(MazeExperimentResult Without, MazeExperimentResult With);

/// <summary>Everything the report needs.</summary>
/// <param name="OldMotifsUnchanged">Every motif's isolated output was bit-identical after each later motif was learned.</param>
/// <param name="Maze">Null when the maze part was skipped.</param>
public sealed record ChainingResult(ChainingSettings Settings, IReadOnlyList<Motif> Motifs, LayerDefinition Interpreter, IReadOnlyList<RegimeResult> Regimes, bool OldMotifsUnchanged, MazeChaining? Maze, TimeSpan Elapsed);

/// <summary>
/// Zero-shot chaining of motifs learned one at a time on a fixed interpreter, in the seed's three regimes and a fourth:
/// codes trained from the initial state and chained as they are; codes trained from random initial states
/// too (the standard trick); the first codes chained through the preparatory phase of the transition module;
/// and codes learned together with their own initial state, chained through the phase toward that state.
/// Each motif is one DE run, never trained together with another; chains are never trained at all.
/// </summary>
public static class ChainingExperiment
{
    /// <param name="robot">The shipped L1 and L2 libraries for the maze part (skipped when null or with no maze trials).</param>
    public static ChainingResult Run(ChainingSettings settings, ProgramSet? robot = null, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var clock = Stopwatch.StartNew();
        var interpreter = MotifInterpreter.Definition();
        var motifs = Motif.Standard(settings.MotifSteps);
        var mazeSettings = new MazeExperimentSettings { Lambdas = [3.0], NoiseLevels = settings.MazeNoise, Trials = Math.Max(1, settings.MazeTrials), Seed = settings.Seed, Threads = settings.Threads };
        var mazeTrials = robot is null || settings.MazeTrials == 0 ? 0 : 2 * 8 * settings.MazeNoise.Count * settings.MazeTrials;

        // Progress counts DE generations and maze trials alike.
        var total = 3 * motifs.Count * settings.Generations + mazeTrials;
        var done = 0;
        var unchanged = true;
        MotifProgram[] Train(int randomStarts, int regime, bool learnsInitialState)
        {
            var programs = new List<MotifProgram>();
            var fingerprints = new List<string>();
            for (var m = 0; m < motifs.Count; m++)
            {
                var before = done;
                var run = DifferentialEvolution.Run(new MotifFitness(motifs[m], interpreter, randomStarts, settings.Seed, learnsInitialState), settings.Evolution(m, regime), p => progress?.Invoke(before + p.Generation, total), cancellation);
                cancellation.ThrowIfCancellationRequested();
                done += settings.Generations;
                var program = MotifProgram.FromCandidate(run.Best, interpreter, learnsInitialState);
                programs.Add(program);

                // A new program is a new code on the same interpreter: every earlier motif must still play bit for bit as before.
                unchanged &= fingerprints.Select((f, i) => Fingerprint(interpreter, programs[i], motifs[i].Steps) == f).All(same => same);
                fingerprints.Add(Fingerprint(interpreter, program, motifs[m].Steps));
            }

            return [.. programs];
        }

        var fromInitial = Train(0, 0, false);
        var fromRandom = Train(settings.RandomStarts, 1, false);
        var withOwnStart = Train(0, 2, true);
        RegimeResult Evaluate(MotifRegime regime, MotifProgram[] programs, PreparatoryPhase phase) =>
            new(regime, programs, phase, ChainEvaluation.Run(motifs, programs, interpreter, phase, settings.Chains, settings.ChainLength, settings.Seed));

        MazeChaining? maze = null;
        if (mazeTrials > 0)
        {
            MazeExperimentResult Maze(PreparatoryPhase phase)
            {
                var before = done;
                var result = MazeExperiment.Run(robot!.L1, robot.L2, mazeSettings with { L1Transition = phase }, (d, _) => progress?.Invoke(before + d, total), cancellation);
                done += mazeTrials / 2;
                return result;
            }

            maze = new MazeChaining(Maze(PreparatoryPhase.Off), Maze(settings.Phase));
        }

        return new ChainingResult(
            settings,
            motifs,
            interpreter,
            [
                Evaluate(MotifRegime.FixedStart, fromInitial, PreparatoryPhase.Off),
                Evaluate(MotifRegime.RandomStarts, fromRandom, PreparatoryPhase.Off),
                Evaluate(MotifRegime.Preparatory, fromInitial, settings.Phase),
                Evaluate(MotifRegime.LearnedStart, withOwnStart, settings.Phase),
            ],
            unchanged,
            maze,
            clock.Elapsed);
    }

    /// <summary>The bits of a motif program's outputs played alone from its initial state.</summary>
    public static string Fingerprint(LayerDefinition interpreter, MotifProgram program, int steps)
    {
        var player = new MotifPlayer(interpreter, PreparatoryPhase.Off);
        var x = new double[steps];
        var y = new double[steps];
        player.PlayAlone(program, x, y);
        var bytes = new byte[2 * steps * sizeof(double)];
        Buffer.BlockCopy(x, 0, bytes, 0, steps * sizeof(double));
        Buffer.BlockCopy(y, 0, bytes, steps * sizeof(double), steps * sizeof(double));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}
