using FactoryTwin.Cli.Output;

namespace FactoryTwin.Cli.Commands;

/// <summary>What <c>factorytwin emulate</c> was asked to do.</summary>
internal sealed record EmulateRequest(
    string Path,
    double Speed,
    ulong Seed,
    string Host,
    int Port,
    string? ScenarioPath,
    double? Duration,
    TimeOnly? Start,
    string? GroundTruthPath,
    string? CredentialsPath,
    double SampleInterval,
    double BatchInterval,
    int Buffer,
    OutputFormat Format);
