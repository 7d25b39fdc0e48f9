using System.CommandLine;
using System.Text;
using Hpnna.Common.Links;
using Hpnna.Devices.Links;
using Hpnna.Programs.CommandLink;

namespace Hpnna.Cli.Commands;

/// <summary>
/// <c>hpnna link</c>: the operator's client for the robot's command link. It says HELLO, sends one command
/// (signed with the key file when it changes state), and prints the robot's answer.
/// </summary>
internal static class LinkCommands
{
    public static Command Create()
    {
        var tcp = new Option<string?>("--tcp") { Description = "HOST:PORT of the service's development link (loopback)." };
        var serial = new Option<string?>("--serial") { Description = "Serial port of the link (USB adapter, radio modem, Bluetooth SPP)." };
        var baud = new Option<int>("--baud") { Description = "Serial baud rate (the service's default too).", DefaultValueFactory = _ => LinkDefaults.Baud };
        var keyFile = new Option<string?>("--key-file") { Description = "The shared key; needed for anything but STATUS when the robot has one." };
        var words = new Argument<string[]>("COMMAND") { Description = LinkCommand.Usage, Arity = ArgumentArity.OneOrMore };
        var command = new Command("link", "Send one command over the robot's command link and print the answer (exit 0 on OK, 1 on ERR).") { tcp, serial, baud, keyFile, words };
        command.SetAction(parse => CliApp.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var text = string.Join(' ', parse.GetRequiredValue(words));
            if (!LinkCommand.TryParse(text, out _, out var problem))
            {
                throw new UserError(problem!);
            }

            var key = parse.GetValue(keyFile) is { } path ? LinkAuthenticator.ReadKeyFile(path) : null;
            using var link = Open(parse.GetValue(tcp), parse.GetValue(serial), parse.GetValue(baud));
            var reader = new LineReader(link, LinkCommand.MaxLineLength);
            var client = new CommandLinkClient(line => link.Write(Encoding.ASCII.GetBytes(line + "\n")), reader.ReadLine, key);
            string reply;
            try
            {
                client.Hello();
                reply = client.Send(text);
            }
            catch (IOException e)
            {
                throw new UserError(e.Message);
            }

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
}
