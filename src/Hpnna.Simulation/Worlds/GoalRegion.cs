using Hpnna.Simulation.Geometry;

namespace Hpnna.Simulation.Worlds;

/// <summary>A named region; an episode ends when the robot's centre enters any goal region.</summary>
public sealed record GoalRegion(string Name, Box Area);
