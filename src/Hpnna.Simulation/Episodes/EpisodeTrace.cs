using System.Globalization;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Robots;

namespace Hpnna.Simulation.Episodes;

/// <summary>One tick of a trace: time, true and odometry poses, the command sent, every sonar reading, the controller's activity.</summary>
public sealed record TraceRow(double Time, Pose2D Pose, Pose2D Odometry, DriveCommand Command, SonarReading[] Readings, string Activity);

/// <summary>The record of an episode, for pictures and CSV. Recording allocates; leave it off in training.</summary>
public sealed class EpisodeTrace
{
    public List<TraceRow> Rows { get; } = [];

    /// <summary>An observer that adds a row after each tick of <paramref name="control"/>: what it latched and wrote, where the robot really was.</summary>
    public ITickObserver Recorder(ControlTick control, SimulatedRobot robot) => new TraceRecorder(this, control, robot);

    public void WriteCsv(TextWriter writer)
    {
        var sensors = Rows.Count > 0 ? Rows[0].Readings.Length : 0;
        writer.Write("t,x,y,heading,odom_x,odom_y,odom_heading,v_cmd,omega_cmd,activity");
        for (var i = 0; i < sensors; i++)
        {
            writer.Write($",s{i}");
        }

        writer.WriteLine();
        foreach (var row in Rows)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{row.Time:F3},{row.Pose.X:F4},{row.Pose.Y:F4},{row.Pose.Heading:F4},"));
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{row.Odometry.X:F4},{row.Odometry.Y:F4},{row.Odometry.Heading:F4},{row.Command.Linear:F4},{row.Command.Angular:F4},{row.Activity}"));
            foreach (var reading in row.Readings)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",{reading.Range:F4}"));
            }

            writer.WriteLine();
        }
    }

    private sealed class TraceRecorder(EpisodeTrace trace, ControlTick control, SimulatedRobot robot) : ITickObserver
    {
        public bool AfterTick(in Tick tick)
        {
            var frame = control.Frame;
            trace.Rows.Add(new TraceRow(tick.Time, robot.Pose, frame.Odometry.Pose, control.LastCommand, frame.Ranges.ToArray(), control.Controller.Activity));
            return false;
        }
    }
}
