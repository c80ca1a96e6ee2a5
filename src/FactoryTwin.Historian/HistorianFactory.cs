using FactoryTwin.Historian.DuckDb;
using FactoryTwin.Historian.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryTwin.Historian;

/// <summary>Creates historians without a DI container (tools, tests, benchmarks).</summary>
public static class HistorianFactory
{
    /// <summary>Creates the historian <paramref name="options"/> selects. The store is opened (and its schema created) on first use.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="timeProvider">The clock for retention and compaction; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Where to log; nothing is logged when <see langword="null"/>.</param>
    /// <returns>The historian; dispose it to close the store.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IHistorian Create(HistorianOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        HistorianOptionsValidator.ThrowIfInvalid(options);
        var time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<IHistorian>();
        return options.Provider switch
        {
            HistorianProvider.Postgres => new PostgresHistorian(options, time, logger),
            _ => new DuckDbHistorian(options, time, logger),
        };
    }
}
