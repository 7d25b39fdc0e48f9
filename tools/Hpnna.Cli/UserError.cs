namespace Hpnna.Cli;

/// <summary>A mistake in what the user asked for or gave us: printed as one line, never with a stack trace.</summary>
internal sealed class UserError(string message) : Exception(message);
