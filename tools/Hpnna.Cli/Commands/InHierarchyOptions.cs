using System.CommandLine;
using Hpnna.Programs.Library;
using Hpnna.Training.Robustness;

namespace Hpnna.Cli.Commands;

/// <summary>
/// The whole hierarchy as judge: --in-hierarchy scores candidates inside it in the maze
/// (<see cref="HierarchyFitness"/>) instead of on their own level's task; --maze-guard keeps training on the
/// level's own task to candidates that still reach their goals in it (<see cref="MazeGuard"/>, always on with
/// --in-hierarchy); the other level's library completes the hierarchy.
/// </summary>
internal sealed class InHierarchyOptions
{
    /// <summary>The default maze sizes of in-hierarchy training's noisy episodes: between those experiment 2 tests (2, 3, 4), so its noise columns measure sizes training never saw.</summary>
    public const string DefaultLambdas = "2.5,3.5";

    /// <summary>The sizes the robot ships for, where a refined program must still reach every goal noise-free (the shipped-library tests' condition).</summary>
    public static readonly double[] GuardLambdas = [2.0, 3.0, 4.0];

    private readonly bool _trainsL1;
    private readonly Option<bool> _enabled;
    private readonly Option<bool> _guard;
    private readonly Option<string> _other;
    private readonly Option<string> _lambdas = new("--hierarchy-lambdas")
    {
        Description = "With --in-hierarchy: comma-separated maze sizes lambda of the scored episodes.",
        DefaultValueFactory = _ => DefaultLambdas,
    };

    private readonly Option<HierarchyNoise> _noiseOn = new("--hierarchy-noise-on")
    {
        Description = "With --in-hierarchy: the codes --robust-noise falls on, those of the candidate's level (Level: Pr and Pl, or the goal code) or Pr, Pl and the goal code (Every).",
        DefaultValueFactory = _ => HierarchyNoise.Level,
    };

    private readonly Option<double> _clearance = new("--hierarchy-clearance")
    {
        Description = $"With --in-hierarchy: the credit w in [0, {HierarchyFitness.MaxClearanceCredit}] an episode earns for keeping its distance from the walls (full at {HierarchyFitness.ClearanceCap} m, scored (outcome + w clearance) / (1 + w)), so that near misses under noise count before they crash; 0 scores outcomes alone.",
        DefaultValueFactory = _ => 0,
    };

    /// <param name="trainsL1">Whether the command trains L1 primitives (the other level is then L2's goal codes), or L2 goal codes.</param>
    public InHierarchyOptions(bool trainsL1)
    {
        _trainsL1 = trainsL1;
        var other = trainsL1 ? "--l2" : "--l1";
        var goals = trainsL1 ? "every goal" : "its own goal";
        var sizes = string.Join(", ", GuardLambdas);
        _enabled = new("--in-hierarchy")
        {
            Description = $"Judge each candidate inside the whole hierarchy instead of on its level's own task: with the programs of {other}, in depth-3 mazes at --hierarchy-lambdas, {goals}, noise-free and under --robust-noise (--robust-copies copies) on the codes of --hierarchy-noise-on, and never failing noise-free at lambda {sizes}. For refining (--refine) programs against code noise.",
        };
        _guard = new("--maze-guard")
        {
            Description = $"Train on the level's own task, but only candidates that, inside the whole hierarchy with the programs of {other}, still reach {goals} noise-free at lambda {sizes} can win.",
        };
        _other = new(other)
        {
            Description = $"With --in-hierarchy or --maze-guard: the {(trainsL1 ? "L2 program library (G1..G8)" : "L1 program library (Pr, Pl)")}.",
            DefaultValueFactory = _ => trainsL1 ? ShippedPrograms.L2Path : ShippedPrograms.L1Path,
        };
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_enabled);
        command.Options.Add(_guard);
        command.Options.Add(_other);
        command.Options.Add(_lambdas);
        command.Options.Add(_noiseOn);
        command.Options.Add(_clearance);
    }

    /// <summary>What judges a program given the library it is trained into: the hierarchy's fitness (null: the level's own task) and the guard (null: none).</summary>
    public Func<string, ProgramLibrary, (HierarchyFitness? Fitness, MazeGuard? Guard)> Read(ParseResult parse, RobustTraining noise, int seed)
    {
        var inHierarchy = parse.GetValue(_enabled);
        if (!inHierarchy && !parse.GetValue(_guard))
        {
            return (_, _) => (null, null);
        }

        if (inHierarchy && noise.Redraw)
        {
            throw new UserError("--robust-redraw is for learning on the level's own task: --in-hierarchy scores noisy episodes drawn once");
        }

        var lambdas = CommaList.Numbers(parse.GetRequiredValue(_lambdas), "--hierarchy-lambdas");
        if (lambdas.Length == 0 || lambdas.Any(l => !(l >= 1 && l <= 10)))
        {
            throw new UserError($"--hierarchy-lambdas must name maze sizes between 1 and 10 (got '{parse.GetRequiredValue(_lambdas)}')");
        }

        var clearance = parse.GetValue(_clearance);
        if (!(clearance >= 0 && clearance <= HierarchyFitness.MaxClearanceCredit))
        {
            throw new UserError($"--hierarchy-clearance must be between 0 and {HierarchyFitness.MaxClearanceCredit} (got {clearance})");
        }

        var other = ProgramLibrary.Load(parse.GetRequiredValue(_other));
        return (program, own) =>
        {
            var (l1, l2) = _trainsL1 ? (own, other) : (other, own);
            try
            {
                return (inHierarchy ? new HierarchyFitness(program, l1, l2, lambdas, noise.Noise, noise.Copies, seed, parse.GetValue(_noiseOn), clearance) : null, new MazeGuard(program, l1, l2, GuardLambdas));
            }
            catch (ArgumentException e)
            {
                throw new UserError(e.Message);
            }
        };
    }
}
