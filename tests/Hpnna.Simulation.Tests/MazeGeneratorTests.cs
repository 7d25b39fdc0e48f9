using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Mazes;

namespace Hpnna.Simulation.Tests;

public sealed class MazeGeneratorTests
{
    public static TheoryData<int, double> Sizes()
    {
        var data = new TheoryData<int, double>();
        foreach (var depth in new[] { 1, 2, 3 })
        {
            foreach (var extra in new[] { 0.0, 0.5, 2.0, 4.0 })
            {
                data.Add(depth, new TMazeSpec(depth, 1, TMazeSpec.DefaultWidth).MinimumDelta + extra);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Corridors_that_do_not_join_never_touch(int depth, double delta)
    {
        var maze = TMazeGenerator.Generate(new TMazeSpec(depth, delta, TMazeSpec.DefaultWidth));

        foreach (var a in maze.Corridors)
        {
            foreach (var b in maze.Corridors.Where(b => b != a))
            {
                var joined = a.From == b.From || a.From == b.To || a.To == b.From || a.To == b.To;
                if (!joined)
                {
                    Assert.True(a.Area.DistanceTo(b.Area) >= maze.Spec.Gap - 1e-9, $"'{a.Turns}' and '{b.Turns}' are {a.Area.DistanceTo(b.Area):F3} m apart");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_goal_has_one_turn_sequence_and_its_path_is_open(int depth, double delta)
    {
        var maze = TMazeGenerator.Generate(new TMazeSpec(depth, delta, TMazeSpec.DefaultWidth));

        Assert.Equal(1 << depth, maze.Goals.Count);
        Assert.Equal(maze.Goals.Count, maze.Goals.Select(g => g.Turns).Distinct().Count());
        foreach (var goal in maze.Goals)
        {
            Assert.Equal(goal.Name, TMazeGenerator.GoalName(goal.Turns));
            Assert.Equal(goal.Turns, TMazeGenerator.TurnsOf(goal.Name, depth));
            // The centre line from the start through each junction to the goal crosses no wall.
            var path = Enumerable.Range(0, depth + 1).Select(level => maze.Corridors.Single(c => c.Turns == goal.Turns[..level])).ToList();
            foreach (var corridor in path)
            {
                var centreLine = new Segment(corridor.From, corridor.To);
                Assert.DoesNotContain(maze.World.Walls.ToArray(), wall => wall.Intersects(centreLine));
            }

            Assert.True(goal.Region.Area.Contains(path[^1].To));
            Assert.Equal(goal.Name, maze.World.GoalAt(path[^1].To)?.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_maze_is_closed_and_corridors_keep_their_lengths(int depth, double delta)
    {
        var maze = TMazeGenerator.Generate(new TMazeSpec(depth, delta, TMazeSpec.DefaultWidth));
        var start = new Vec2(maze.Start.X, maze.Start.Y);

        for (var i = 0; i < 360; i += 5)
        {
            var direction = Vec2.FromAngle(i * Math.PI / 180);
            Assert.Contains(maze.World.Walls.ToArray(), wall => double.IsFinite(wall.RayDistance(start, direction)));
        }

        foreach (var corridor in maze.Corridors)
        {
            var expected = corridor.Level == depth ? maze.Spec.GoalCorridorLength : delta;
            Assert.Equal(expected, corridor.Length, 1e-9);
        }
    }

    [Fact]
    public void Depth_3_shortens_only_the_goal_corridors()
    {
        var spec = new TMazeSpec(3, 4.5, TMazeSpec.DefaultWidth);
        var maze = TMazeGenerator.Generate(spec);

        Assert.Equal(7, maze.Corridors.Count(c => c.Level < 3));   // stem, 2 + 4 arms
        Assert.Equal(8, maze.Corridors.Count(c => c.Level == 3));  // one per goal
        Assert.All(maze.Corridors.Where(c => c.Level < 3), c => Assert.Equal(4.5, c.Length, 1e-9));
        Assert.All(maze.Corridors.Where(c => c.Level == 3), c => Assert.Equal(4.5 - 1.5 * spec.Width, c.Length, 1e-9));
    }

    [Theory]
    [InlineData(3, 2.0, "too short for a depth-3 maze")]
    [InlineData(4, 5.0, "depth must be 1, 2 or 3")]
    [InlineData(2, double.NaN, "finite number")]
    [InlineData(1, -1.0, "finite number > 0")]
    public void Impossible_mazes_are_refused(int depth, double delta, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => TMazeGenerator.Generate(new TMazeSpec(depth, delta, TMazeSpec.DefaultWidth)));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Lambda_and_delta_convert_both_ways()
    {
        var scale = MazeScale.Default;

        Assert.Equal(3.0, scale.DeltaFor(2), 1e-12);
        Assert.Equal(2.4, scale.LambdaFor(scale.DeltaFor(2.4)), 1e-12);
    }
}
