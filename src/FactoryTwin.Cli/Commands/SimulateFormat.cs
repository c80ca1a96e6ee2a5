namespace FactoryTwin.Cli.Commands;

/// <summary>How <c>simulate</c> prints its result.</summary>
internal enum SimulateFormat
{
    /// <summary>Tables for people.</summary>
    Text,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>One CSV row per plant, line or station KPI.</summary>
    Csv,
}
