using System.Text.Json;
using System.Text.Json.Serialization;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Arcos;
using Hpnna.Simulation.Sonars;

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

    /// <summary>
    /// The robot's communication watchdog (ARCOS FLASH parameter Watchdog): after this long without a packet
    /// it stops. 500 ms, as firmware-config/README asks of a deployed robot; the factory default is 2000 ms,
    /// which lets a robot drive blind for 2 s after a link loss.
    /// </summary>
    public double WatchdogMilliseconds { get; set; } = 500;

    /// <summary>Sonar range noise, metres.</summary>
    public double SonarNoise { get; set; }

    /// <summary>
    /// The robot's sonars: ring (the base's own, reported in SIPs) or hcsr04 (the production layout's five
    /// modules; the rig feeds their echoes to the controller's simulated GPIO over the sonar feed).
    /// </summary>
    public string Sonars { get; set; } = "ring";

    /// <summary>The layout the rig's robot carries.</summary>
    public SensorLayout Layout => Sonars == "hcsr04" ? SonarLayouts.Hcsr04Production : SonarLayouts.PioneerFrontRing;

    /// <summary>The goal the controller is told to reach; the pass criterion when <see cref="Pass"/> names no other.</summary>
    public string Goal { get; set; } = "G1";

    /// <summary>
    /// Laps to run: after each one (goal, crash or time-out) the rig stops the controller over its command
    /// link, puts the robot back at the start, commands the next goal and restarts it.
    /// </summary>
    public int Laps { get; set; } = 1;

    /// <summary>The goals of laps 2, 3, ... in turn (cycling); lap 1 is <see cref="Goal"/>, which the controller is started with. Empty: every lap is <see cref="Goal"/>.</summary>
    public List<string> Goals { get; set; } = [];

    /// <summary>Seconds of real time a lap may take before it counts as a time-out.</summary>
    public double TimeLimitSeconds { get; set; } = 90;

    /// <summary>Whether the rig must command the controller (more than one lap).</summary>
    public bool NeedsCommandLink => Laps > 1;

    /// <summary>The goal of lap <paramref name="lap"/> (0-based).</summary>
    public string GoalOfLap(int lap) => lap == 0 || Goals.Count == 0 ? Goal : Goals[(lap - 1) % Goals.Count];

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

        if (!IsGoal(Goal))
        {
            problems.Add($"$.goal must be G1..G8 (got '{Goal}')");
        }

        for (var i = 0; i < Goals.Count; i++)
        {
            if (!IsGoal(Goals[i]))
            {
                problems.Add($"$.goals[{i}] must be G1..G8 (got '{Goals[i]}')");
            }
        }

        if (Laps is < 1 or > 10_000)
        {
            problems.Add($"$.laps must be between 1 and 10000 (got {Laps})");
        }

        if (!EmulatorSettings.IsPlausibleWatchdog(WatchdogMilliseconds))
        {
            problems.Add($"$.watchdogMilliseconds must be between {EmulatorSettings.ShortestWatchdogMilliseconds} and {EmulatorSettings.LongestWatchdogMilliseconds} (got {WatchdogMilliseconds})");
        }

        if (!double.IsFinite(TimeLimitSeconds) || TimeLimitSeconds <= 0)
        {
            problems.Add($"$.timeLimitSeconds must be > 0 (got {TimeLimitSeconds})");
        }

        if (Pass.Expect is not ("goal" or "stop"))
        {
            problems.Add($"$.pass.expect must be goal or stop (got '{Pass.Expect}')");
        }

        if (!(Pass.StopWithinSeconds > 0))
        {
            problems.Add($"$.pass.stopWithinSeconds must be > 0 (got {Pass.StopWithinSeconds})");
        }

        if (Sonars is not ("ring" or "hcsr04"))
        {
            problems.Add($"$.sonars must be ring or hcsr04 (got '{Sonars}')");
        }

        for (var i = 0; i < Faults.Count; i++)
        {
            problems.AddRange(Faults[i].Validate($"$.faults[{i}]", Layout.Count));
        }

        return problems;
    }

    private static bool IsGoal(string goal) => goal is [ 'G', >= '1' and <= '8' ];
}

/// <summary>A fault injected during the run.</summary>
public sealed class Fault
{
    /// <summary>
    /// link-cut (no bytes either way), garbage (random bytes into the controller's stream), battery (reported
    /// volts from then on), stall (wheels stalled), sonar-stuck (a disc reports a fixed range), sonar-silent
    /// (a disc never hears an echo).
    /// </summary>
    public string Kind { get; set; } = "";

    /// <summary>Seconds after the start.</summary>
    public double At { get; set; }

    /// <summary>How long it lasts, seconds (link-cut, garbage and stall need one; a sonar fault without one lasts to the end).</summary>
    public double Duration { get; set; }

    /// <summary>sonar-stuck, sonar-silent: the disc, 0-7 on the front ring (0 left side ... 7 right side), or the HC-SR04 module, 0-4 (0 right side ... 4 left side).</summary>
    public int Disc { get; set; }

    /// <summary>sonar-stuck: the range reported, metres.</summary>
    public double Range { get; set; } = 1;

    /// <summary>garbage: probability that a garbage byte is sent in each 10 ms step.</summary>
    public double Rate { get; set; } = 0.5;

    /// <summary>battery: the voltage reported.</summary>
    public double Volts { get; set; } = 13;

    /// <param name="sonars">How many sonars the robot has (8 discs of the ring, 5 HC-SR04 modules).</param>
    public IEnumerable<string> Validate(string path, int sonars)
    {
        if (Kind is not ("link-cut" or "garbage" or "battery" or "stall" or "sonar-stuck" or "sonar-silent"))
        {
            yield return $"{path}.kind must be link-cut, garbage, battery, stall, sonar-stuck or sonar-silent (got '{Kind}')";
        }

        if (Kind is "link-cut" or "garbage" or "stall" && !(Duration > 0))
        {
            yield return $"{path}.duration must be > 0 for {Kind} (got {Duration})";
        }

        if (IsSonar && (Disc < 0 || Disc >= sonars))
        {
            yield return $"{path}.disc must be 0..{sonars - 1} (got {Disc})";
        }

        if (Kind == "sonar-stuck" && !(Range is > 0 and <= 5))
        {
            yield return $"{path}.range must be in (0, 5] m (got {Range})";
        }

        if (Kind == "battery" && !(Volts is >= 0 and <= 25.5))
        {
            yield return $"{path}.volts must be in [0, 25.5] (got {Volts})";
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

    public bool IsSonar => Kind is "sonar-stuck" or "sonar-silent";

    public bool ActiveAt(double time) => time >= At && (time < At + Duration || (Duration == 0 && Kind is not ("link-cut" or "garbage" or "stall")));
}

/// <summary>What the run must show to pass.</summary>
public sealed class PassCriteria
{
    /// <summary>goal: reach the goal; stop: come to rest within <see cref="StopWithinSeconds"/> of the first fault (a fault the controller must answer by stopping).</summary>
    public string Expect { get; set; } = "goal";

    /// <summary>The goal to end in (default: the scenario's goal).</summary>
    public string? Goal { get; set; }

    /// <summary>After a link cut starts the firmware must stop the robot (watchdog) within this many seconds; with <see cref="Expect"/> stop, the controller after the fault.</summary>
    public double StopWithinSeconds { get; set; } = 3;

    /// <summary>No motion command may reach the robot while its watchdog holds it after a silence: the controller must reconnect, not carry on.</summary>
    public bool NoStaleCommands { get; set; } = true;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(Scenario))]
internal sealed partial class ScenarioJson : JsonSerializerContext;
