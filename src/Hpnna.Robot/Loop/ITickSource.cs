namespace Hpnna.Robot.Loop;

/// <summary>One tick as the clock saw it: its number, its deadline and how late the loop woke for it.</summary>
/// <param name="Index">Ticks since the start, skipped ones included.</param>
/// <param name="Time">Seconds since the start at the tick's deadline (virtual or monotonic).</param>
/// <param name="Lateness">Seconds between the deadline and the wake-up (0 in virtual time).</param>
/// <param name="Skipped">Deadlines missed whole before this one (counted, never made up in a burst).</param>
/// <param name="Overran">
/// Whether the loop came back for this deadline only after it had passed (the previous tick's work overran),
/// as opposed to sleeping and being woken late (the OS or the machine did not run the thread in time).
/// </param>
/// <param name="WokeAt">The monotonic timestamp (<see cref="System.Diagnostics.Stopwatch"/>) of the wake-up; 0 in virtual time.</param>
public readonly record struct Tick(long Index, double Time, double Lateness, int Skipped, bool Overran = false, long WokeAt = 0);

/// <summary>
/// What paces the control loop: real time on the robot (absolute-deadline sleeps on the monotonic clock) or
/// virtual time in the simulator and tests, where the world advances one period per tick and nothing sleeps.
/// </summary>
public interface ITickSource
{
    /// <summary>The control period in seconds.</summary>
    double Period { get; }

    /// <summary>Waits for the next deadline (never for more than one period) and returns its timing.</summary>
    Tick WaitForNext();
}
