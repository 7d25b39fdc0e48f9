using Hpnna.Simulation.Arcos;

namespace Hpnna.Hil.Rig.Laps;

/// <summary>
/// Puts the robot back between laps, as a bench operator would, on a thread of its own so that the robot
/// keeps being served meanwhile: over the controller's command link STOP, wait for the robot to come to
/// rest, have the serving thread carry it to the start, RESTART (the robot is at the start again, so every
/// goal is within reach), GOAL next, RESUME. Every command must be answered OK; anything else ends the run
/// as a failure.
/// </summary>
internal sealed class LapDirector : IDisposable
{
    private static readonly TimeSpan RestTimeout = TimeSpan.FromSeconds(5);

    private readonly ControllerLink _link;
    private readonly ArcosRobotEmulator _emulator;
    private readonly Lock _lock = new();
    private Thread? _thread;
    private volatile bool _placeRequested;
    private readonly ManualResetEventSlim _placed = new();
    private volatile bool _done;

    public LapDirector(ControllerLink link, ArcosRobotEmulator emulator)
    {
        _link = link;
        _emulator = emulator;
    }

    /// <summary>Commands sent and answered OK.</summary>
    public int CommandsAccepted { get; private set; }

    /// <summary>Why putting the robot back failed, if it did.</summary>
    public string? Failure { get; private set; }

    /// <summary>True once the reset started by <see cref="BeginReset"/> has finished (or failed).</summary>
    public bool Done => _done;

    /// <summary>Starts putting the robot back for a lap toward <paramref name="goal"/> (serving thread).</summary>
    public void BeginReset(string goal)
    {
        _done = false;
        _placed.Reset();
        _thread = new Thread(() => Reset(goal)) { IsBackground = true, Name = "lap director" };
        _thread.Start();
    }

    /// <summary>Called by the serving thread every step: carries the robot to the start when asked.</summary>
    public void PlaceIfAsked(Action place)
    {
        if (_placeRequested)
        {
            _placeRequested = false;
            place();
            _placed.Set();
        }
    }

    /// <summary>One command, answered OK or the lap reset fails (any thread).</summary>
    public string Command(string command)
    {
        lock (_lock)
        {
            var answer = _link.Send(command);
            if (!answer.StartsWith("OK", StringComparison.Ordinal))
            {
                throw new IOException($"'{command}' was refused: {answer}");
            }

            CommandsAccepted++;
            return answer;
        }
    }

    public void Dispose()
    {
        _thread?.Join(TimeSpan.FromSeconds(10));
        _placed.Dispose();
        _link.Dispose();
    }

    private void Reset(string goal)
    {
        try
        {
            Command("STOP");
            var deadline = DateTime.UtcNow + RestTimeout;
            while (!AtRest(_emulator.Status) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            _placeRequested = true;
            if (!_placed.Wait(RestTimeout))
            {
                throw new IOException("the serving thread did not put the robot back");
            }

            Command("RESTART");
            Command($"GOAL {goal}");
            Command("RESUME");
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            Failure = $"command link: {e.Message}";
        }
        finally
        {
            _done = true;
        }
    }

    private static bool AtRest(EmulatorStatus status) => Math.Abs(status.Odometry.Linear) < 1e-3 && Math.Abs(status.Odometry.Angular) < 1e-3;
}
