using FactoryTwin.Server.Fitting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactoryTwin.Server.Api;

/// <summary>
/// Handlers of the plant fit: an engineer fits the served plant's stations from this server's historian and gets the
/// plant file diff for review; anyone signed in reads the latest fits. The work is <see cref="PlantFits"/>, which the
/// dashboard's Fits page calls too.
/// </summary>
internal static class FitEndpoints
{
    public static async Task<Results<Ok<PlantFitRunView>, ProblemHttpResult>> Run(PlantFits fits, HttpContext context, FitRequest? request, CancellationToken cancellationToken)
    {
        var outcome = await fits.RunAsync(request?.From, request?.To, context.User.Identity?.Name ?? "-", context, null, cancellationToken);
        return outcome.Status switch
        {
            FitRunStatus.Done => TypedResults.Ok(outcome.Run),
            FitRunStatus.Busy => Problems.Conflict(outcome.Problem!),
            _ => Problems.BadRequest(outcome.Problem!),
        };
    }

    public static Ok<IReadOnlyList<PlantFitRunSummary>> List(PlantFits fits) =>
        TypedResults.Ok<IReadOnlyList<PlantFitRunSummary>>([.. fits.Latest().Select(PlantFitRunSummary.From)]);

    public static Results<Ok<PlantFitRunView>, ProblemHttpResult> One(PlantFits fits, string id) =>
        fits.Find(id) is { } run
            ? TypedResults.Ok(run)
            : Problems.NotFound($"There is no fit '{id}' among the latest {AnalysisRuns.Capacity}.");
}
