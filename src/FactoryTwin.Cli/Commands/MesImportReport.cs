namespace FactoryTwin.Cli.Commands;

/// <summary>The JSON of <c>mes import --output json</c>.</summary>
internal sealed record MesImportReport(string File, bool Imported, string? ActiveSchedule, string? Id, int Orders, long Bodies, IReadOnlyList<MesProblemDto> Problems);
