using System.Diagnostics;

namespace Hpnna.Simulation.Arcos;

/// <summary>Wall-clock seconds since creation, less the time declared paused.</summary>
internal sealed class PausableClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private double _paused;

    public double Seconds => _watch.Elapsed.TotalSeconds - _paused;

    public void Pause(double seconds) => _paused += seconds;
}
