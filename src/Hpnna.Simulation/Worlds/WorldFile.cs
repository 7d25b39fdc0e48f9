using System.Text.Json;
using System.Text.Json.Serialization;
using Hpnna.Common.Validation;
using Hpnna.Core.Description;
using Hpnna.Core.Layers;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Robots;

namespace Hpnna.Simulation.Worlds;

/// <summary>
/// A world as JSON (<c>hpnna-world/1</c>):
/// <c>{ "format": "hpnna-world/1", "walls": [[x1, y1, x2, y2], ...], "start": { "x": 0, "y": 0, "heading": 90 }, "goals": [{ "name": "G1", "min": [x, y], "max": [x, y] }] }</c>.
/// Coordinates in metres, the start heading in degrees. Reading refuses malformed JSON, walls that are not four
/// finite numbers, degenerate walls and a start the robot cannot stand on, each with its JSON path.
/// </summary>
public static class WorldFile
{
    public const string Format = "hpnna-world/1";

    public static World Parse(string json, string origin, PioneerModel? robot = null)
    {
        var model = JsonProblems.Read(json, WorldJsonContext.Default.WorldModel, origin);
        var problems = new List<Problem>();
        if (model.Format != Format)
        {
            problems.Add(new("$.format", $"must be \"{Format}\" (got '{model.Format}')"));
        }

        var walls = new List<Segment>();
        for (var i = 0; i < (model.Walls?.Count ?? 0); i++)
        {
            var w = model.Walls![i];
            if (w is not { Count: 4 })
            {
                problems.Add(new($"$.walls[{i}]", "a wall is [x1, y1, x2, y2]"));
                continue;
            }

            walls.Add(new Segment(new Vec2(w[0], w[1]), new Vec2(w[2], w[3])));
        }

        var goals = new List<GoalRegion>();
        for (var g = 0; g < (model.Goals?.Count ?? 0); g++)
        {
            var goal = model.Goals![g];
            if (string.IsNullOrWhiteSpace(goal.Name) || goal.Min is not { Count: 2 } || goal.Max is not { Count: 2 })
            {
                problems.Add(new($"$.goals[{g}]", "a goal is { \"name\": ..., \"min\": [x, y], \"max\": [x, y] }"));
                continue;
            }

            goals.Add(new GoalRegion(goal.Name, new Box(new Vec2(goal.Min[0], goal.Min[1]), new Vec2(goal.Max[0], goal.Max[1]))));
        }

        if (model.Start is null)
        {
            problems.Add(new("$.start", "is required: { \"x\": ..., \"y\": ..., \"heading\": degrees }"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidDescriptionException(origin, problems);
        }

        var start = new Pose2D(model.Start!.X, model.Start.Y, model.Start.Heading * Math.PI / 180);
        return World.Create(walls, start, goals, (robot ?? PioneerModel.P3Dx).Radius, origin);
    }
}

internal sealed class WorldModel
{
    public string? Format { get; set; }

    public List<List<double>>? Walls { get; set; }

    public StartModel? Start { get; set; }

    public List<GoalModel>? Goals { get; set; }
}

internal sealed class StartModel
{
    public double X { get; set; }

    public double Y { get; set; }

    public double Heading { get; set; }
}

internal sealed class GoalModel
{
    public string? Name { get; set; }

    public List<double>? Min { get; set; }

    public List<double>? Max { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(WorldModel))]
internal sealed partial class WorldJsonContext : JsonSerializerContext;
