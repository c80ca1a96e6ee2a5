namespace FactoryTwin.Server.Fitting;

/// <summary>
/// A stored fit without its fits (which run to hundreds of kilobytes with their Kaplan–Meier points), for the list of
/// the latest runs; <c>GET /api/v1/fit/{id}</c> gives the whole run.
/// </summary>
/// <param name="Id">The run id.</param>
/// <param name="At">When it ran, on the plant clock.</param>
/// <param name="User">Who ran it.</param>
/// <param name="Plant">The plant file's name.</param>
/// <param name="Since">The inclusive start of the history.</param>
/// <param name="Until">The exclusive end.</param>
/// <param name="Stations">The stations with history in the range.</param>
/// <param name="Changes">The plant file distributions the fit would replace.</param>
/// <param name="ElapsedSeconds">How long it took, in wall-clock seconds.</param>
internal sealed record PlantFitRunSummary(string Id, DateTimeOffset At, string User, string Plant, DateTimeOffset Since, DateTimeOffset Until, int Stations, int Changes, double ElapsedSeconds)
{
    public static PlantFitRunSummary From(PlantFitRunView run) => new(
        run.Id, run.At, run.User, run.Report.Plant, run.Report.Since, run.Report.Until, run.Report.Stations.Count, run.Report.Changes.Count, run.ElapsedSeconds);
}
