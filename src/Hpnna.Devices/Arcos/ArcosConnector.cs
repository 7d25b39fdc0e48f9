using System.Diagnostics;
using Hpnna.Arcos.Commands;
using Hpnna.Arcos.Framing;
using Hpnna.Common.Links;
using Hpnna.Arcos.Packets;
using Microsoft.Extensions.Logging;

namespace Hpnna.Devices.Arcos;

/// <summary>
/// Brings a robot from whatever state it is in to an open session: SYNC0/1/2 with the recovery rules of
/// real clients, OPEN, CONFIG, the optional baud switch, SONAR and ENABLE.
/// </summary>
/// <remarks>
/// Recovery, after ARIA: each SYNC is sent only after the previous echo; an out-of-sequence reply restarts at
/// SYNC0; a SIP during the handshake means the robot is still open from an earlier client, so CLOSE is sent
/// and the handshake restarts; after two silent attempts a CLOSE dislodges a robot stuck in a session.
/// </remarks>
internal sealed class ArcosConnector(ArcosClientOptions options, ILogger logger)
{
    private static readonly TimeSpan ConfigWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BaudSwitchWait = TimeSpan.FromMilliseconds(900);

    /// <summary>Runs the handshake and opens the session; SIPs seen meanwhile go to <paramref name="onPacket"/>.</summary>
    /// <exception cref="TimeoutException">The robot never completed the handshake.</exception>
    public (SyncReply Identity, ConfigPacket? Config) Connect(PacketChannel channel, ReceivedPacket onPacket, CancellationToken cancellation)
    {
        var identity = Synchronise(channel, cancellation);
        channel.Send(CommandNumber.Open);
        channel.Send(CommandNumber.Config, 1);
        var config = WaitForConfig(channel, onPacket);
        if (config is null)
        {
            logger.LogWarning("{Link}: no CONFIG reply within {Seconds} s; using defaults", channel.Link.Description, ConfigWait.TotalSeconds);
        }

        if (options.SwitchBaudRate is { } baud && config is { AllowsBaudSwitch: true } && channel.Link is IBaudRateLink serial)
        {
            SwitchBaud(channel, serial, baud, onPacket);
        }

        if (options.EnableSonar)
        {
            channel.Send(CommandNumber.Sonar, 1);
        }

        if (options.EnableMotors)
        {
            channel.Send(CommandNumber.Enable, 1);
        }

        return (identity, config);
    }

    private SyncReply Synchronise(PacketChannel channel, CancellationToken cancellation)
    {
        for (var attempt = 1; attempt <= options.SyncAttempts; attempt++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (attempt > 2)
            {
                // A robot left open from an earlier session takes SYNC0 as PULSE; CLOSE drops any session.
                channel.Send(CommandNumber.Close);
                Drain(channel);
            }

            if (TrySynchronise(channel, out var reply))
            {
                logger.LogInformation("{Link}: robot {Name} ({Class} {Subclass}) answered SYNC", channel.Link.Description, reply!.Name, reply.Class, reply.Subclass);
                return reply;
            }

            logger.LogDebug("{Link}: SYNC attempt {Attempt} failed", channel.Link.Description, attempt);
        }

        throw new TimeoutException($"{channel.Link.Description}: no SYNC answer after {options.SyncAttempts} attempts of {options.SyncTimeout.TotalMilliseconds} ms");
    }

    /// <summary>
    /// One SYNC0, SYNC1, SYNC2 exchange, each sent after the previous echo. Anything else ends the attempt:
    /// a SIP means the robot is still open (CLOSE it); then the line is drained until quiet, so stale echoes
    /// cannot keep both sides restarting out of phase (seen on a bench after a link cut: an endless ping-pong).
    /// </summary>
    private bool TrySynchronise(PacketChannel channel, out SyncReply? reply)
    {
        reply = null;
        var expected = SyncNumber.Sync0;
        channel.Send(expected);
        while (channel.TryReceive(options.SyncTimeout, out var packet))
        {
            var type = packet[PacketLayout.BodyOffset];
            if (expected == SyncNumber.Sync2 && SyncReply.TryParse(packet, out reply))
            {
                return true;
            }

            if (type == expected && expected < SyncNumber.Sync2)
            {
                expected++;
                channel.Send(expected);
                continue;
            }

            if (PacketType.IsStandardSip(type))
            {
                logger.LogInformation("{Link}: robot still open from an earlier session; closing it", channel.Link.Description);
                channel.Send(CommandNumber.Close);
            }

            Drain(channel);
            return false;
        }

        return false;
    }

    /// <summary>Discards whatever arrives until the line has been quiet for a moment (at most 2 s).</summary>
    private static void Drain(PacketChannel channel)
    {
        var deadline = Stopwatch.GetTimestamp() + 2 * Stopwatch.Frequency;
        while (channel.TryReceive(TimeSpan.FromMilliseconds(250), out _) && Stopwatch.GetTimestamp() < deadline)
        {
        }
    }

    private static ConfigPacket? WaitForConfig(PacketChannel channel, ReceivedPacket onPacket)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ConfigWait.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (!channel.TryReceive(TimeSpan.FromMilliseconds(50), out var packet))
            {
                continue;
            }

            if (ConfigPacket.TryParse(packet, out var config))
            {
                return config;
            }

            onPacket(packet);
        }

        return null;
    }

    private void SwitchBaud(PacketChannel channel, IBaudRateLink serial, int baud, ReceivedPacket onPacket)
    {
        var old = serial.BaudRate;
        channel.Send(CommandNumber.HostBaud, HostBaud.Rates.IndexOf(baud));
        Thread.Sleep(50);
        serial.BaudRate = baud;
        if (channel.TryReceive(BaudSwitchWait, out var packet))
        {
            onPacket(packet);
            logger.LogInformation("{Link}: switched to {Baud} baud", channel.Link.Description, baud);
            return;
        }

        serial.BaudRate = old;
        logger.LogWarning("{Link}: nothing heard at {Baud} baud; staying at {Old}", channel.Link.Description, baud, old);
    }
}

/// <summary>A packet from the robot (the span lives only for the call).</summary>
internal delegate void ReceivedPacket(ReadOnlySpan<byte> packet);
