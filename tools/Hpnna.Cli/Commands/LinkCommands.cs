using System.CommandLine;
using System.Globalization;
using System.Text;
using Hpnna.Arcos.Links;
using Hpnna.Devices.Links;
using Hpnna.Programs.CommandLink;

namespace Hpnna.Cli.Commands;

/// <summary>
/// <c>hpnna link</c>: the operator's client for the robot's command link. It says HELLO, signs a
/// state-changing command with the key file (sequence 1 under the fresh nonce), sends it with its checksum,
/// and prints the robot's answer.
/// </summary>
internal static class LinkCommands
{
    public static Command Create()
    {
        var tcp = new Option<string?>("--tcp") { Description = "HOST:PORT of the service's development link (loopback)." };
        var serial = new Option<string?>("--serial") { Description = "Serial port of the link (USB adapter, radio modem, Bluetooth SPP)." };
        var baud = new Option<int>("--baud") { Description = "Serial baud rate.", DefaultValueFactory = _ => 9600 };
        var keyFile = new Option<string?>("--key-file") { Description = "The shared key; needed for anything but STATUS when the robot has one." };
        var words = new Argument<string[]>("COMMAND") { Description = LinkCommand.Usage, Arity = ArgumentArity.OneOrMore };
        var command = new Command("link", "Send one command over the robot's command link and print the answer (exit 0 on OK, 1 on ERR).") { tcp, serial, baud, keyFile, words };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var text = string.Join(' ', parse.GetRequiredValue(words));
            if (!LinkCommand.TryParse(text, out var parsed, out var problem))
            {
                throw new UserError(problem!);
            }

            var key = parse.GetValue(keyFile) is { } path ? LinkAuthenticator.ReadKeyFile(path) : null;
            using var link = Open(parse.GetValue(tcp), parse.GetValue(serial), parse.GetValue(baud));
            var reader = new LineReader(link, LinkCommand.MaxLineLength);
            var hello = Exchange(link, reader, "HELLO");
            var nonce = hello.Split(' ').FirstOrDefault(w => w.StartsWith("nonce=", StringComparison.Ordinal))?["nonce=".Length..]
                ?? throw new UserError($"the robot did not answer HELLO properly: {hello}");
            if (parsed!.ChangesState && key is not null)
            {
                text = string.Create(CultureInfo.InvariantCulture, $"{parsed.Signed} seq=1 mac={LinkAuthenticator.Sign(key, nonce, 1, parsed.Signed)}");
            }

            var reply = Exchange(link, reader, text);
            output.WriteLine(reply);
            return reply.StartsWith("OK", StringComparison.Ordinal) ? CliApp.Success : CliApp.Failure;
        }));
        return command;
    }

    private static IByteLink Open(string? tcp, string? serial, int baud)
    {
        if ((tcp is null) == (serial is null))
        {
            throw new UserError("give exactly one of --tcp HOST:PORT or --serial PATH");
        }

        if (serial is not null)
        {
            return TermiosSerialLink.Open(serial, baud);
        }

        var (host, port) = RobotCommands.Endpoint(tcp!);
        return TcpLink.Connect(host, port, TimeSpan.FromSeconds(2));
    }

    /// <summary>Sends one checksummed line and returns the answer's body (checksum verified).</summary>
    private static string Exchange(IByteLink link, LineReader reader, string body)
    {
        link.Write(Encoding.ASCII.GetBytes(LineChecksum.Append(body) + "\n"));
        var line = reader.ReadLine(TimeSpan.FromSeconds(3))?.TrimEnd('\r') ?? throw new UserError("no answer from the robot within 3 s");
        return LineChecksum.TryVerify(line, out var reply, out var problem) ? reply : throw new UserError($"garbled answer ({problem}): {line}");
    }
}
