namespace FactoryTwin.Historian.Tests.DuckDb;

/// <summary>The alarm-history conformance suite on a DuckDB file.</summary>
public sealed class DuckDbAlarmHistoryTests : AlarmHistoryConformanceTests
{
    protected override ValueTask<IHistorian> CreateStoreAsync(HistorianOptions options)
    {
        options.DataFolder = Path.Combine(Folder, Guid.NewGuid().ToString("N"));
        return ValueTask.FromResult(HistorianFactory.Create(options, Time));
    }
}
