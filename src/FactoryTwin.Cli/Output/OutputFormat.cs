namespace FactoryTwin.Cli.Output;

/// <summary>How a verb prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>Human-readable text and tables.</summary>
    Text,

    /// <summary>One JSON document on standard output, for scripts.</summary>
    Json,
}
