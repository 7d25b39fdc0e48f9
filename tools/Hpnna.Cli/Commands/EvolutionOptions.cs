using System.CommandLine;
using Hpnna.Training.Evolution;

namespace Hpnna.Cli.Commands;

/// <summary>The DE options every training command shares, defaulting to the paper's values.</summary>
internal sealed class EvolutionOptions
{
    private readonly Option<int> _population = new("--population") { Description = "DE population size (at least 4).", DefaultValueFactory = _ => 20 };
    private readonly Option<double> _f = new("--f") { Description = "DE step size F, in (0, 2].", DefaultValueFactory = _ => 0.85 };
    private readonly Option<double> _cr = new("--cr") { Description = "DE crossover rate CR, in [0, 1].", DefaultValueFactory = _ => 0.8 };
    private readonly Option<string> _strategy = new("--strategy") { Description = "rand (DE/rand/1/bin) or best (DE/best/1/bin).", DefaultValueFactory = _ => "rand" };
    private readonly Option<int> _generations;
    private readonly Option<int> _seed = new("--seed") { Description = "Seeds the run; the same seed gives the same programs on any number of threads.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _threads = new("--threads") { Description = "Fitness evaluations at once (0 = one per core).", DefaultValueFactory = _ => 0 };

    public EvolutionOptions(int defaultGenerations)
    {
        _strategy.AcceptOnlyFromAmong("rand", "best");
        _generations = new Option<int>("--generations") { Description = "Most generations per program; a run stops earlier once its program solves the task.", DefaultValueFactory = _ => defaultGenerations };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _generations, _population, _f, _cr, _strategy, _seed, _threads })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The settings asked for; impossible values are refused with every reason at once.</summary>
    public DeSettings Read(ParseResult parse, bool stopWhenSolved)
    {
        var settings = new DeSettings
        {
            Population = parse.GetValue(_population),
            F = parse.GetValue(_f),
            CR = parse.GetValue(_cr),
            Strategy = parse.GetValue(_strategy) == "best" ? DeStrategy.BestOneBin : DeStrategy.RandOneBin,
            MaxGenerations = parse.GetValue(_generations),
            Seed = parse.GetValue(_seed),
            Threads = parse.GetValue(_threads),
            StopWhenSolved = stopWhenSolved,
        };
        settings.EnsureValid();
        return settings;
    }
}
