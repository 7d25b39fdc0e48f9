using Hpnna.Core.Layers;
using Hpnna.Core.Transitions;

namespace Hpnna.Training.Motifs;

/// <summary>One motif as played in a chain: its error there and alone.</summary>
public sealed record ChainedMotif(int Motif, int? After, double ChainedMse, double IsolatedMse)
{
    /// <summary>
    /// A failed transition: the motif's error in the chain is more than <see cref="ChainEvaluation.FailureFactor"/>
    /// times its error alone, and worse by at least <see cref="ChainEvaluation.FailureFloor"/> (so that two tiny errors do not count).
    /// </summary>
    public bool Failed => ChainedMse > ChainEvaluation.FailureFactor * IsolatedMse && ChainedMse - IsolatedMse > ChainEvaluation.FailureFloor;
}

/// <summary>How a set of motif programs chains: alone, in every ordered pair, and in random chains.</summary>
/// <param name="Pairs">[from, to]: the error of motif <c>to</c> played right after motif <c>from</c>.</param>
public sealed record ChainResult(double[] Isolated, double[,] Pairs, IReadOnlyList<IReadOnlyList<ChainedMotif>> Chains)
{
    public IEnumerable<ChainedMotif> Transitions
    {
        get
        {
            var n = Isolated.Length;
            for (var from = 0; from < n; from++)
            {
                for (var to = 0; to < n; to++)
                {
                    yield return new ChainedMotif(to, from, Pairs[from, to], Isolated[to]);
                }
            }

            foreach (var played in Chains.SelectMany(c => c.Skip(1)))
            {
                yield return played;
            }
        }
    }

    public double FailedFraction => Transitions.Average(t => t.Failed ? 1.0 : 0.0);

    /// <summary>Mean over every transition of (chained error - isolated error): the cost of chaining.</summary>
    public double MeanExtraMse => Transitions.Average(t => t.ChainedMse - t.IsolatedMse);
}

/// <summary>
/// Plays trained motif programs zero-shot: each alone from the initial state (prepared toward its own when it
/// has one and the phase is on); every ordered pair (the second
/// motif starts from wherever the first left the layer, or after a preparatory phase when one is set); and
/// random chains, none of which was ever trained.
/// </summary>
public static class ChainEvaluation
{
    public const double FailureFactor = 1.5;
    public const double FailureFloor = 1e-4;

    public static ChainResult Run(IReadOnlyList<Motif> motifs, IReadOnlyList<MotifProgram> programs, LayerDefinition interpreter, PreparatoryPhase phase, int chains, int chainLength, int seed)
    {
        var n = motifs.Count;
        var player = new MotifPlayer(interpreter, phase);
        var steps = motifs.Max(m => m.Steps);
        var x = new double[steps];
        var y = new double[steps];
        double Play(int motif)
        {
            var m = motifs[motif];
            player.Play(programs[motif], x.AsSpan(0, m.Steps), y.AsSpan(0, m.Steps));
            return m.MeanSquaredError(x, y);
        }

        var isolated = new double[n];
        for (var i = 0; i < n; i++)
        {
            player.Reset();
            isolated[i] = Play(i);
        }

        var pairs = new double[n, n];
        for (var from = 0; from < n; from++)
        {
            for (var to = 0; to < n; to++)
            {
                player.Reset();
                Play(from);
                pairs[from, to] = Play(to);
            }
        }

        var random = new Random(seed);
        var played = new List<IReadOnlyList<ChainedMotif>>();
        for (var c = 0; c < chains; c++)
        {
            player.Reset();
            var chain = new List<ChainedMotif>();
            int? previous = null;
            for (var k = 0; k < chainLength; k++)
            {
                var next = random.Next(n);
                chain.Add(new ChainedMotif(next, previous, Play(next), isolated[next]));
                previous = next;
            }

            played.Add(chain);
        }

        return new ChainResult(isolated, pairs, played);
    }

    /// <summary>The outputs of one chain played from the initial state: x and y per step, motif after motif.</summary>
    public static (double[] X, double[] Y) Trace(IReadOnlyList<Motif> motifs, IReadOnlyList<MotifProgram> programs, LayerDefinition interpreter, PreparatoryPhase phase, IReadOnlyList<int> order)
    {
        var player = new MotifPlayer(interpreter, phase);
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var motif in order)
        {
            var x = new double[motifs[motif].Steps];
            var y = new double[x.Length];
            player.Play(programs[motif], x, y);
            xs.AddRange(x);
            ys.AddRange(y);
        }

        return ([.. xs], [.. ys]);
    }
}
