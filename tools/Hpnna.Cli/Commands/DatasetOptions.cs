using System.CommandLine;
using Hpnna.Training.Sequencing;

namespace Hpnna.Cli.Commands;

/// <summary>--dataset and --pulses: the synthetic trigger sequences goal codes are learned and checked on.</summary>
/// <param name="defaultPulses">The pulse lengths when none are given; null for the training default's variety.</param>
internal sealed class DatasetOptions(string defaultDataset, string datasetDescription, string? defaultPulses = null)
{
    private readonly Option<string> _dataset = new("--dataset") { Description = datasetDescription, DefaultValueFactory = _ => defaultDataset };

    private readonly Option<string> _pulses = new("--pulses")
    {
        Description = $"How long the junction pulses last, in L2 steps, shortest-longest (each turn draws its own). The robot's last 6 (2.4 s); ended with the turn they lasted 4-9, and a code that never met a long one counted it as two junctions. [default: {defaultPulses ?? PulseLengths.Default.ToString()}]",
        DefaultValueFactory = defaultPulses is null ? null : _ => defaultPulses,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_dataset);
        command.Options.Add(_pulses);
    }

    /// <summary>The dataset the options name, its sequences drawn from <paramref name="seed"/>.</summary>
    public TriggerDataset Read(ParseResult parse, int seed = 1)
    {
        var text = parse.GetRequiredValue(_dataset);
        var pulses = Pulses(parse.GetValue(_pulses));
        if (text is "single" or "three")
        {
            return TriggerDataset.Named(text, seed, pulses);
        }

        var lambdas = CommaList.Numbers(text, "--dataset");
        return lambdas.Length > 0 && lambdas.All(l => double.IsFinite(l) && l > 0)
            ? TriggerDataset.Sizes(lambdas, seed, pulses)
            : throw new UserError($"--dataset must be single, three or comma-separated maze sizes lambda > 0 (got '{text}')");
    }

    private static PulseLengths? Pulses(string? text)
    {
        try
        {
            return text is null ? null : PulseLengths.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserError($"--pulses: {e.Message}");
        }
    }
}
