using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hpnna.Programs.CommandLink;

/// <summary>
/// Who may change what the robot does. With a shared key, every state-changing command carries
/// <c>seq=N mac=M</c>: M is the first 16 bytes (32 hex digits) of HMAC-SHA256(key, "NONCE|N|COMMAND"), NONCE the
/// session nonce the robot handed out at HELLO, N larger than any sequence number accepted in this session.
/// A bystander without the key cannot forge M; a recorded line fails on its old N, or in a later session (a
/// new connection, a restart) on the new nonce. HELLO only tells the nonce and the last accepted N, and
/// changes neither: on a shared medium (a radio link) anyone can say HELLO, and a HELLO that began a new session
/// let a bystander saying it every 50 ms keep the operator's signed STOP from ever verifying. Without a key the
/// link is read-only, unless development mode allows everything.
/// </summary>
public sealed class LinkAuthenticator
{
    private readonly byte[]? _key;
    private readonly bool _allowUnauthenticated;
    private long _lastSequence;

    /// <param name="key">The shared key (at least 16 bytes), or null for none.</param>
    /// <param name="allowUnauthenticated">Development only: accept state changes without a key.</param>
    public LinkAuthenticator(byte[]? key, bool allowUnauthenticated)
    {
        if (key is { Length: < 16 })
        {
            throw new ArgumentException("the command-link key must be at least 16 bytes", nameof(key));
        }

        _key = key;
        _allowUnauthenticated = allowUnauthenticated;
        Nonce = NewNonce();
    }

    /// <summary>The shared key from its file: the file's bytes, a trailing line break dropped; at least 16 bytes.</summary>
    /// <exception cref="ArgumentException">The key is too short.</exception>
    public static byte[] ReadKeyFile(string path)
    {
        var key = File.ReadAllBytes(path).AsSpan().TrimEnd("\r\n"u8).ToArray();
        return key.Length >= 16 ? key : throw new ArgumentException($"{path}: the command-link key must be at least 16 bytes (got {key.Length})");
    }

    /// <summary>The current session nonce (32 hex digits).</summary>
    public string Nonce { get; }

    public bool RequiresMac => _key is not null;

    public string Mode => Describe(_key is not null, _allowUnauthenticated);

    /// <summary>How a link with or without a key authenticates, for logs.</summary>
    public static string Describe(bool hasKey, bool allowUnauthenticated) =>
        hasKey ? "required" : allowUnauthenticated ? "off (development: anyone may change state)" : "read-only (no key configured)";

    /// <summary>The nonce of this session, drawn when it opened; HELLO tells it, never changes it.</summary>
    public string Hello() => Nonce;

    /// <summary>The largest sequence number accepted in this session (0 before any): a client continues above it.</summary>
    public long LastSequence => _lastSequence;

    /// <summary>Whether <paramref name="command"/> may run; false with the reason. Accepting it consumes its sequence number.</summary>
    public bool TryAuthorize(LinkCommand command, out string? refusal)
    {
        refusal = null;
        if (!command.ChangesState)
        {
            return true;
        }

        if (_key is null)
        {
            refusal = _allowUnauthenticated ? null : "read-only link: no key is configured on the robot";
            return _allowUnauthenticated;
        }

        if (command.Sequence is not { } sequence || command.Mac is not { } mac)
        {
            refusal = "not authenticated: add seq=N mac=M (say HELLO for the nonce)";
            return false;
        }

        if (sequence <= _lastSequence)
        {
            refusal = $"replayed or stale: seq {sequence} is not above {_lastSequence}";
            return false;
        }

        var expected = Sign(_key, Nonce, sequence, command.Signed);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(mac)))
        {
            refusal = "bad mac (wrong key, wrong nonce or altered command)";
            return false;
        }

        _lastSequence = sequence;
        return true;
    }

    /// <summary>The MAC a client attaches to <paramref name="command"/> (its words before seq=).</summary>
    public static string Sign(byte[] key, string nonce, long sequence, string command)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{nonce}|{sequence}|{command}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, message).AsSpan(0, 16));
    }

    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
