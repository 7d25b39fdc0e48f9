using Hpnna.Programs.CommandLink;

namespace Hpnna.Programs.Tests;

public sealed class CommandLinkTests
{
    private static readonly byte[] Key = "a shared key of 32 bytes, really"u8.ToArray();

    [Fact]
    public void Checksums_are_the_xor_of_the_body_in_hex()
    {
        Assert.Equal("STATUS*14", LineChecksum.Append("STATUS"));
        Assert.True(LineChecksum.TryVerify("STATUS*14", out var body, out _));
        Assert.Equal("STATUS", body);
        Assert.False(LineChecksum.TryVerify("STATUS*15", out _, out var problem));
        Assert.Equal("bad checksum 15 (the line's is 14)", problem);
        Assert.False(LineChecksum.TryVerify("STATUS", out _, out problem));
        Assert.StartsWith("no checksum", problem);
    }

    [Theory]
    [InlineData("GOAL G9", "GOAL takes G1..G8 (got 'G9')")]
    [InlineData("GOAL", "wrong arguments for GOAL")]
    [InlineData("RESTART now", "wrong arguments for RESTART")]
    [InlineData("FLY away", "unknown command 'FLY'")]
    [InlineData("CODE Pr 1,2,x", "code value 3 'x' is not a finite number")]
    [InlineData("CODE Pr 1,NaN", "code value 2 'NaN' is not a finite number")]
    [InlineData("LOAD L3 /tmp/a.json", "LOAD takes L1 or L2")]
    [InlineData("GOAL G2 seq=0 mac=00000000000000000000000000000000", "seq must be a positive whole number")]
    [InlineData("GOAL G2 seq=1 mac=123", "mac must be 32 hex digits")]
    public void Malformed_commands_get_one_reason_and_change_nothing(string body, string reason)
    {
        var target = new RecordingTarget();
        var session = new CommandLinkSession(target, new LinkAuthenticator(null, allowUnauthenticated: true));
        var reply = session.Handle(LineChecksum.Append(body));
        Assert.StartsWith($"ERR {reason}", reply);
        Assert.True(LineChecksum.TryVerify(reply, out _, out _));
        Assert.Empty(target.Calls);
    }

    [Fact]
    public void Oversized_lines_and_bad_checksums_are_refused_and_the_link_keeps_working()
    {
        var target = new RecordingTarget();
        var session = new CommandLinkSession(target, new LinkAuthenticator(null, allowUnauthenticated: true));
        Assert.StartsWith("ERR line too long", session.Handle(new string('A', 5000)));
        Assert.StartsWith("ERR bad checksum", session.Handle("GOAL G3*00"));
        Assert.StartsWith("OK GOAL G3", session.Handle(LineChecksum.Append("GOAL G3")));
        Assert.Equal(["goal G3"], target.Calls);
    }

    [Fact]
    public void A_rig_puts_the_robot_back_with_stop_restart_resume()
    {
        var target = new RecordingTarget();
        var session = new CommandLinkSession(target, new LinkAuthenticator(null, allowUnauthenticated: true));
        foreach (var command in new[] { "STOP", "GOAL G5", "RESTART", "RESUME" })
        {
            Assert.StartsWith($"OK {command}", session.Handle(LineChecksum.Append(command)));
        }

        Assert.Equal(["stop", "goal G5", "restart", "resume"], target.Calls);
    }

    [Fact]
    public void Without_a_key_the_link_is_read_only()
    {
        var target = new RecordingTarget();
        var session = new CommandLinkSession(target, new LinkAuthenticator(null, allowUnauthenticated: false));
        Assert.StartsWith("OK STATUS goal=G1", session.Handle(LineChecksum.Append("STATUS")));
        Assert.StartsWith("ERR read-only link", session.Handle(LineChecksum.Append("STOP")));
        Assert.Empty(target.Calls);
    }

    [Fact]
    public void With_a_key_only_signed_fresh_commands_run_and_replays_are_refused()
    {
        var target = new RecordingTarget();
        var auth = new LinkAuthenticator(Key, allowUnauthenticated: false);
        var session = new CommandLinkSession(target, auth);
        var hello = session.Handle(LineChecksum.Append("HELLO"));
        var nonce = hello.Split(' ')[2]["nonce=".Length..];
        Assert.Contains("auth=required", hello);

        string Signed(string command, long seq, byte[] key, string n) =>
            LineChecksum.Append($"{command} seq={seq} mac={LinkAuthenticator.Sign(key, n, seq, command)}");

        Assert.StartsWith("ERR not authenticated", session.Handle(LineChecksum.Append("GOAL G4")));
        var good = Signed("GOAL G4", 1, Key, nonce);
        Assert.StartsWith("OK GOAL G4", session.Handle(good));
        Assert.StartsWith("ERR replayed or stale: seq 1", session.Handle(good));
        Assert.StartsWith("ERR bad mac", session.Handle(Signed("GOAL G5", 2, "another key of at least 16 bytes"u8.ToArray(), nonce)));
        var altered = Signed("GOAL G5", 2, Key, nonce);
        Assert.StartsWith("ERR bad mac", session.Handle(LineChecksum.Append(altered[..^3].Replace("G5", "G6"))));

        // HELLO again tells the same nonce and the last accepted sequence number; the operator signs above it.
        Assert.Equal($"OK HELLO nonce={nonce} seq=1 auth=required", session.Handle(LineChecksum.Append("HELLO"))[..^3]);
        Assert.StartsWith("OK STOP", session.Handle(Signed("STOP", 2, Key, nonce)));
        Assert.Equal(["goal G4", "stop"], target.Calls);

        // Another session (a new connection, a restart) has another nonce: this one's signatures do not carry over.
        var other = new CommandLinkSession(target, new LinkAuthenticator(Key, allowUnauthenticated: false));
        var otherNonce = other.Handle(LineChecksum.Append("HELLO")).Split(' ')[2]["nonce=".Length..];
        Assert.NotEqual(nonce, otherNonce);
        Assert.StartsWith("ERR bad mac", other.Handle(Signed("RESUME", 3, Key, nonce)));
    }

    [Fact]
    public void A_bystander_saying_HELLO_all_the_time_cannot_keep_the_operators_stop_from_working()
    {
        var target = new RecordingTarget();
        var session = new CommandLinkSession(target, new LinkAuthenticator(Key, allowUnauthenticated: false));
        var received = new Queue<string>();
        var operatorLink = new CommandLinkClient(line => received.Enqueue(session.Handle(line)), _ => received.TryDequeue(out var reply) ? reply : null, Key);
        operatorLink.Hello();

        // On a shared radio link every line reaches the robot: the bystander's HELLOs fall between the operator's.
        for (var i = 0; i < 20; i++)
        {
            Assert.StartsWith("OK HELLO", session.Handle(LineChecksum.Append("HELLO")));
            Assert.Equal(i % 2 == 0 ? "OK STOP" : "OK RESUME", operatorLink.Send(i % 2 == 0 ? "STOP" : "RESUME"));
        }

        Assert.Equal(20, target.Calls.Count);
    }


    [Fact]
    public void A_change_the_target_refuses_is_an_error_reply()
    {
        var target = new RecordingTarget { Refuse = "code for Pr has 12 values (got 2)" };
        var session = new CommandLinkSession(target, new LinkAuthenticator(null, allowUnauthenticated: true));
        Assert.StartsWith("ERR code for Pr has 12 values (got 2)", session.Handle(LineChecksum.Append("CODE Pr 1,2")));
        Assert.Equal((0, 1), (session.Accepted, session.Refused));
    }

    [Fact]
    public void A_target_that_throws_is_an_error_reply_and_the_session_goes_on()
    {
        // Whatever a handler's own checks missed (a path the OS refuses, a name a library rejects late) is an answer, not a dead link.
        var target = new RecordingTarget { Throw = new ArgumentException("Null character in path.") };
        var session = new CommandLinkSession(target, new LinkAuthenticator(null, allowUnauthenticated: true));

        Assert.StartsWith("ERR could not carry out LOAD: Null character in path.", session.Handle(LineChecksum.Append("LOAD L1 /tmp/x.json")));
        Assert.StartsWith("OK STATUS", session.Handle(LineChecksum.Append("STATUS")));
        Assert.Equal((1, 1), (session.Accepted, session.Refused));
    }

    [Fact]
    public void Control_characters_are_refused_and_never_echoed()
    {
        // Found by fuzzing (tools/Hpnna.Fuzz): a carriage return inside a CODE value came back in the ERR reply and
        // split it in two at the client; a terminal escape in a LOAD path went back verbatim.
        var target = new RecordingTarget();
        var session = new CommandLinkSession(target, new LinkAuthenticator(null, allowUnauthenticated: true));
        foreach (var line in new[] { LineChecksum.Append("CODE Pr 0.1\r0.2"), LineChecksum.Append("LOAD L1 a\u001b[2Jb"), "STATUS\u007f*00" })
        {
            var reply = session.Handle(line);
            Assert.Matches(@"^ERR control character 0x[0-9a-f]{2} at column \d+\*[0-9A-F]{2}$", reply);
        }

        Assert.Empty(target.Calls);
    }

    [Fact]
    public void An_error_quoting_the_peer_escapes_what_it_quotes()
    {
        var session = new CommandLinkSession(new RecordingTarget(), new LinkAuthenticator(null, allowUnauthenticated: true));
        var reply = session.Handle(LineChecksum.Append("GOAL G\u00e9"));
        Assert.StartsWith(@"ERR GOAL takes G1..G8 (got 'G\xe9')", reply);
        Assert.True(LineChecksum.TryVerify(reply, out _, out _));
    }

    private sealed class RecordingTarget : IProgramTarget
    {
        public List<string> Calls { get; } = [];

        public string? Refuse { get; init; }

        public Exception? Throw { get; init; }

        public string? SelectGoal(string goal) => Record($"goal {goal}");

        public string? ReplaceCode(string program, double[] code) => Record($"code {program} {code.Length}");

        public string? LoadLibrary(string level, string path) => Record($"load {level} {path}");

        public string? Stop() => Record("stop");

        public string? Resume() => Record("resume");

        public string? Restart() => Record("restart");

        public string Status() => "goal=G1 state=running";

        private string? Record(string call)
        {
            if (Throw is not null)
            {
                throw Throw;
            }

            if (Refuse is null)
            {
                Calls.Add(call);
            }

            return Refuse;
        }
    }
}
