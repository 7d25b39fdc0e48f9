using System.CommandLine;
using Hpnna.Training.Robustness;

namespace Hpnna.Cli.Commands;

/// <summary>--robust-noise and --robust-copies: learn programs that keep working under code noise.</summary>
internal sealed class RobustOptions
{
    private readonly Option<double> _noise = new("--robust-noise") { Description = "Learn under this code noise, in percent (relative standard deviation of every value); 0 = plain training.", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _copies = new("--robust-copies") { Description = "Noisy copies each candidate is also scored on, with --robust-noise.", DefaultValueFactory = _ => 4 };

    public void AddTo(Command command)
    {
        command.Options.Add(_noise);
        command.Options.Add(_copies);
    }

    public RobustTraining Read(ParseResult parse)
    {
        var noise = parse.GetValue(_noise);
        var copies = parse.GetValue(_copies);
        if (!(noise >= 0 && noise <= 100))
        {
            throw new UserError($"--robust-noise must be between 0 and 100 percent (got {noise})");
        }

        if (copies < 1)
        {
            throw new UserError($"--robust-copies must be at least 1 (got {copies})");
        }

        return noise == 0 ? RobustTraining.None : new RobustTraining(noise / 100, copies);
    }
}
