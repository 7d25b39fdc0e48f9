using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Worlds;
using ScottPlot;

namespace Hpnna.Rendering;

/// <summary>One path to draw: its label and the poses it went through.</summary>
public sealed record Trajectory(string Label, IReadOnlyList<Pose2D> Poses);

/// <summary>Draws a world (walls, goal regions, start) with trajectories over it, to PNG.</summary>
public static class MazePicture
{
    public static void SavePng(World world, IReadOnlyList<Trajectory> trajectories, string title, string path, int width = 1000, int height = 800)
    {
        var plot = new Plot();
        foreach (var goal in world.Goals)
        {
            var area = goal.Area;
            var box = plot.Add.Rectangle(area.Min.X, area.Max.X, area.Min.Y, area.Max.Y);
            box.FillStyle.Color = Color.FromHex("#ffe08a");
            box.LineStyle.Width = 0;
            var label = plot.Add.Text(goal.Name, area.Centre.X, area.Centre.Y);
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontSize = 14;
            label.LabelBold = true;
        }

        foreach (var wall in world.Walls)
        {
            var line = plot.Add.Line(wall.A.X, wall.A.Y, wall.B.X, wall.B.Y);
            line.LineColor = Colors.Black;
            line.LineWidth = 2;
        }

        var start = plot.Add.Marker(world.Start.X, world.Start.Y, MarkerShape.FilledCircle, 10);
        start.Color = Colors.Gray;
        start.LegendText = "start";

        for (var t = 0; t < trajectories.Count; t++)
        {
            var poses = trajectories[t].Poses;
            if (poses.Count == 0)
            {
                continue;
            }

            var path2 = plot.Add.ScatterLine(poses.Select(p => p.X).ToArray(), poses.Select(p => p.Y).ToArray());
            path2.Color = PlotPalette.At(t);
            path2.LineWidth = 2;
            path2.LegendText = trajectories[t].Label;
            var end = plot.Add.Marker(poses[^1].X, poses[^1].Y, MarkerShape.FilledSquare, 8);
            end.Color = PlotPalette.At(t);
        }

        plot.Title(title);
        plot.XLabel("x (m)");
        plot.YLabel("y (m)");
        plot.Axes.SquareUnits();
        plot.ShowLegend(Edge.Right); // beside the maze, never over a goal or a path
        plot.SavePng(path, width, height);
    }
}
