using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hpnna.Hil.Rig.Scenarios;

/// <summary>
/// One bench run as a file: the world, the faults to inject and when, and what counts as a pass.
/// </summary>
public sealed class Scenario
{
    public string Name { get; set; } = "";

    /// <summary>Maze size as the paper's lambda (depth-3 T-maze).</summary>
    public double Lambda { get; set; } = 3;

    public int Seed { get; set; } = 1;

    /// <summary>The robot's SIP cycle (ARCOS SipCycle, 100 ms by default on a P3-DX).</summary>
    public double SipCycleMilliseconds { get; set; } = 100;

    /// <summary>Sonar range noise, metres.</summary>
    public double SonarNoise { get; set; }

    /// <summary>The goal the controller is told to reach; the pass criterion when <see cref="Pass"/> names no other.</summary>
    public string Goal { get; set; } = "G1";

    /// <summary>Seconds of real time before the run counts as a time-out.</summary>
    public double TimeLimitSeconds { get; set; } = 90;

    public List<Fault> Faults { get; set; } = [];

    public PassCriteria Pass { get; set; } = new();

    /// <summary>Reads and checks a scenario; every problem with its JSON path.</summary>
    public static Scenario Load(string path)
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize(File.ReadAllText(path), ScenarioJson.Default.Scenario);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{path}: {e.Path}: {e.Message}");
        }
        catch (IOException e)
        {
            throw new ArgumentException($"{path}: {e.Message}");
        }

        var problems = (scenario ?? new Scenario()).Validate();
        return problems.Count == 0 && scenario is not null ? scenario : throw new ArgumentException($"{path}: {string.Join("; ", problems)}");
    }

    public List<string> Validate()
    {
        var problems = new List<string>();
        if (!double.IsFinite(Lambda) || Lambda is <= 0 or > 10)
        {
            problems.Add($"$.lambda must be in (0, 10] (got {Lambda})");
        }

        if (Goal.Length != 2 || Goal[0] != 'G' || Goal[1] is < '1' or > '8')
        {
            problems.Add($"$.goal must be G1..G8 (got '{Goal}')");
        }

        if (!double.IsFinite(TimeLimitSeconds) || TimeLimitSeconds <= 0)
        {
            problems.Add($"$.timeLimitSeconds must be > 0 (got {TimeLimitSeconds})");
        }

        for (var i = 0; i < Faults.Count; i++)
        {
            problems.AddRange(Faults[i].Validate($"$.faults[{i}]"));
        }

        return problems;
    }
}

/// <summary>A fault injected during the run.</summary>
public sealed class Fault
{
    /// <summary>link-cut (no bytes either way), garbage (random bytes into the controller's stream), battery (reported volts), stall (wheels stalled).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Seconds after the start.</summary>
    public double At { get; set; }

    /// <summary>How long it lasts, seconds (link-cut, garbage, stall).</summary>
    public double Duration { get; set; }

    /// <summary>garbage: probability that a garbage byte is sent in each 10 ms step.</summary>
    public double Rate { get; set; } = 0.5;

    /// <summary>battery: the voltage reported.</summary>
    public double Volts { get; set; } = 13;

    public IEnumerable<string> Validate(string path)
    {
        if (Kind is not ("link-cut" or "garbage" or "battery" or "stall"))
        {
            yield return $"{path}.kind must be link-cut, garbage, battery or stall (got '{Kind}')";
        }

        if (!double.IsFinite(At) || At < 0 || !double.IsFinite(Duration) || Duration < 0)
        {
            yield return $"{path}: at and duration must be finite and >= 0";
        }

        if (Kind == "garbage" && Rate is < 0 or > 1)
        {
            yield return $"{path}.rate must be between 0 and 1 (got {Rate})";
        }
    }

    public bool ActiveAt(double time) => time >= At && time < At + Duration;
}

/// <summary>What the run must show to pass.</summary>
public sealed class PassCriteria
{
    /// <summary>The goal to end in (default: the scenario's goal).</summary>
    public string? Goal { get; set; }

    public bool NoCrash { get; set; } = true;

    /// <summary>After a link cut starts, the firmware must stop the robot (watchdog) within this many seconds.</summary>
    public double StopWithinSeconds { get; set; } = 3;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(Scenario))]
internal sealed partial class ScenarioJson : JsonSerializerContext;
