using System.CommandLine;
using Hpnna.Training.Evolution;

namespace Hpnna.Cli.Commands;

/// <summary>The DE options every training command shares, defaulting to the paper's values.</summary>
internal sealed class EvolutionOptions
{
    private readonly Option<int> _population = new("--population") { Description = "DE population size (at least 4).", DefaultValueFactory = _ => 20 };
    private readonly Option<double> _f = new("--f") { Description = "DE step size F, in (0, 2].", DefaultValueFactory = _ => 0.85 };
    private readonly Option<double> _cr = new("--cr") { Description = "DE crossover rate CR, in [0, 1].", DefaultValueFactory = _ => 0.8 };
    private readonly Option<string> _strategy;
    private readonly Option<int> _generations;
    private readonly Option<int> _restartAfter;
    private readonly Option<int> _seed = new("--seed") { Description = "Seeds the run; the same seed gives the same programs on any number of threads.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _threads = new("--threads") { Description = "Fitness evaluations at once (0 = one per core).", DefaultValueFactory = _ => 0 };

    /// <param name="defaultGenerations">The default of --generations.</param>
    /// <param name="sequencing">
    /// For learning goal codes: DE/best/1/bin with restarts after 100 generations without progress by default,
    /// which learns all eight in seconds where the paper's DE/rand/1/bin without restarts took minutes and
    /// left some unsolved (measured in the README).
    /// </param>
    public EvolutionOptions(int defaultGenerations, bool sequencing = false)
    {
        _strategy = StrategyOption(sequencing ? "best" : "rand", "rand (DE/rand/1/bin) or best (DE/best/1/bin).");
        _restartAfter = RestartAfterOption(sequencing ? 100 : 0,
            "Restart DE from a fresh random population after this many generations in which the best did not rise by 0.001; 0 = never, as in the paper (and always with --refine, whose start a restart would throw away).");
        _generations = new Option<int>("--generations") { Description = "Most generations per program; a run stops earlier once its program solves the task.", DefaultValueFactory = _ => defaultGenerations };
    }

    /// <summary>--strategy, rand or best; read it with <see cref="StrategyFrom"/>.</summary>
    public static Option<string> StrategyOption(string defaultName, string description)
    {
        var option = new Option<string>("--strategy") { Description = description, DefaultValueFactory = _ => defaultName };
        option.AcceptOnlyFromAmong("rand", "best");
        return option;
    }

    public static DeStrategy StrategyFrom(string name) => name == "best" ? DeStrategy.BestOneBin : DeStrategy.RandOneBin;

    /// <summary>--restart-after, in generations; 0 never restarts.</summary>
    public static Option<int> RestartAfterOption(int defaultValue, string description) =>
        new("--restart-after") { Description = description, DefaultValueFactory = _ => defaultValue };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _generations, _population, _f, _cr, _strategy, _restartAfter, _seed, _threads })
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
            Strategy = StrategyFrom(parse.GetRequiredValue(_strategy)),
            MaxGenerations = parse.GetValue(_generations),
            RestartAfter = parse.GetValue(_restartAfter),
            Seed = parse.GetValue(_seed),
            Threads = parse.GetValue(_threads),
            StopWhenSolved = stopWhenSolved,
        };
        settings.EnsureValid();
        return settings;
    }
}
