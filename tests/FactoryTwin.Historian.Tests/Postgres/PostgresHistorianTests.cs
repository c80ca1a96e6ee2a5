namespace FactoryTwin.Historian.Tests.Postgres;

/// <summary>The conformance suite on a real PostgreSQL server started by <see cref="PostgresServerFixture"/>; each test gets its own schema.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresHistorianTests(PostgresServerFixture server) : HistorianConformanceTests, IClassFixture<PostgresServerFixture>
{
    protected override async ValueTask<IHistorian> CreateStoreAsync(HistorianOptions options)
    {
        server.RequireServer();

        options.Provider = HistorianProvider.Postgres;
        options.ConnectionString = await server.CreateSchemaAsync();
        return HistorianFactory.Create(options, Time);
    }
}
