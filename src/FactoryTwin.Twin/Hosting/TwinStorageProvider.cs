namespace FactoryTwin.Twin.Hosting;

/// <summary>Where grain state is kept, and how silos find each other.</summary>
public enum TwinStorageProvider
{
    /// <summary>Grain state in files under the data folder; localhost clustering (one machine).</summary>
    Embedded,

    /// <summary>Orleans ADO.NET persistence and clustering on PostgreSQL (a cluster of silos).</summary>
    Postgres,
}
