using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.VirtualPlant.Tests.TestSupport;

/// <summary>A logger that keeps every entry: level, event id and formatted message.</summary>
internal sealed class ListLogger : ILogger<VirtualPlantEmulator>
{
    public ConcurrentQueue<(LogLevel Level, int EventId, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
}
