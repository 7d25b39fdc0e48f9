using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hpnna.Devices.Tests;

/// <summary>Collects formatted log lines as "Level: message".</summary>
internal sealed class LineLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string[] Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
}
