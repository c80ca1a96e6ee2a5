namespace FactoryTwin.Cli.Commands;

/// <summary>One problem of a refused schedule.</summary>
internal sealed record MesProblemDto(int Line, int Position, string Code, string Message);
