using System.CommandLine;
using Hpnna.Programs.Library;
using Hpnna.Training.Robustness;

namespace Hpnna.Cli.Commands;

/// <summary>
/// --in-hierarchy and the other level's library: judge candidates inside the whole hierarchy in the maze
/// (<see cref="HierarchyFitness"/>) instead of on their own level's task.
/// </summary>
internal sealed class InHierarchyOptions
{
    /// <summary>The maze sizes of in-hierarchy training's noisy episodes: between those experiment 2 tests (2, 3, 4), so its noise columns measure sizes training never saw.</summary>
    public static readonly double[] Lambdas = [2.5, 3.5];

    /// <summary>The sizes the robot ships for, where a refined program must still reach every goal noise-free (the shipped-library tests' condition).</summary>
    public static readonly double[] GuardLambdas = [2.0, 3.0, 4.0];

    private readonly bool _trainsL1;
    private readonly Option<bool> _enabled;
    private readonly Option<string> _other;

    /// <param name="trainsL1">Whether the command trains L1 primitives (the other level is then L2's goal codes), or L2 goal codes.</param>
    public InHierarchyOptions(bool trainsL1)
    {
        _trainsL1 = trainsL1;
        var other = trainsL1 ? "--l2" : "--l1";
        _enabled = new("--in-hierarchy")
        {
            Description = $"Judge each candidate inside the whole hierarchy instead of on its level's own task: with the programs of {other}, in depth-3 mazes at lambda {string.Join(", ", Lambdas)}, {(trainsL1 ? "every goal" : "its own goal")}, noise-free and under --robust-noise on every code (--robust-copies copies), and never failing noise-free at lambda {string.Join(", ", GuardLambdas)}. For refining (--refine) programs against code noise.",
        };
        _other = new(other)
        {
            Description = $"With --in-hierarchy: the {(trainsL1 ? "L2 program library (G1..G8)" : "L1 program library (Pr, Pl)")}.",
            DefaultValueFactory = _ => trainsL1 ? ShippedPrograms.L2Path : ShippedPrograms.L1Path,
        };
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_enabled);
        command.Options.Add(_other);
    }

    /// <summary>Null without --in-hierarchy; else the fitness of a program given the library it is trained into.</summary>
    public Func<string, ProgramLibrary, HierarchyFitness>? Read(ParseResult parse, RobustTraining noise, int seed)
    {
        if (!parse.GetValue(_enabled))
        {
            return null;
        }

        var other = ProgramLibrary.Load(parse.GetRequiredValue(_other));
        return (program, own) =>
        {
            try
            {
                return _trainsL1
                    ? new HierarchyFitness(program, own, other, Lambdas, noise.Noise, noise.Copies, seed, GuardLambdas)
                    : new HierarchyFitness(program, other, own, Lambdas, noise.Noise, noise.Copies, seed, GuardLambdas);
            }
            catch (ArgumentException e)
            {
                throw new UserError(e.Message);
            }
        };
    }
}
