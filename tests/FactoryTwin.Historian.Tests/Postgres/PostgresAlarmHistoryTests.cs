namespace FactoryTwin.Historian.Tests.Postgres;

/// <summary>The alarm-history conformance suite on a real PostgreSQL server; each test gets its own schema.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresAlarmHistoryTests(PostgresServerFixture server) : AlarmHistoryConformanceTests, IClassFixture<PostgresServerFixture>
{
    protected override async ValueTask<IHistorian> CreateStoreAsync(HistorianOptions options)
    {
        server.RequireServer();

        options.Provider = HistorianProvider.Postgres;
        options.ConnectionString = await server.CreateSchemaAsync();
        return HistorianFactory.Create(options, Time);
    }
}
