using Spectre.Console;

namespace Hpnna.Cli.Commands;

/// <summary>A Spectre console over the invocation's writer, so tables go wherever the command's output goes.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole For(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
    });
}
