using System.Globalization;
using FactoryTwin.Analytics.Buffers;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Ids;
using FactoryTwin.Server.Hosting;
using FactoryTwin.Server.Live;
using FactoryTwin.Server.Security;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Plants;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactoryTwin.Server.Api;

/// <summary>
/// Handlers of the analyses on the served plant: what-if scenarios with common random numbers and buffer allocation.
/// Engineers run them (one at a time per node: each uses every core — a what-if those of every silo of the cluster);
/// anyone signed in reads the latest results.
/// </summary>
internal static class AnalysisEndpoints
{
    /// <summary>The most scenarios in one what-if.</summary>
    public const int MaxScenarios = 10;

    /// <summary>The most characters of one scenario's YAML.</summary>
    public const int MaxScenarioChars = 65_536;

    /// <summary>The most replications per scenario or per comparison.</summary>
    public const int MaxReplications = 2000;

    /// <summary>The longest warm-up or statistics window, in seconds (7 days).</summary>
    public const double MaxSeconds = 7 * 86_400;

    /// <summary>
    /// Runs a what-if on the cluster (<see cref="IClusterWhatIf"/>): its replications in chunks on the worker grains of
    /// every silo, the paired differences computed here from the rows joined in replication order — bit for bit what
    /// <c>factorytwin whatif</c> computes in one process for the same plant file, scenarios and seed.
    /// </summary>
    public static async Task<Results<Ok<WhatIfRunView>, ProblemHttpResult>> RunWhatIf(
        PlantView plant, PlantSource source, AnalysisRuns runs, TimeProvider time, ITwinGateway twin, IClusterWhatIf whatIf, AuditLog audit, HttpContext context, WhatIfRequest? request, CancellationToken cancellationToken)
    {
        if (request?.Scenarios is not { Count: > 0 and <= MaxScenarios } texts)
        {
            return Problems.BadRequest($"scenarios must hold 1–{MaxScenarios} what-if scenario files as YAML text (apiVersion: factorytwin/v1, kind: WhatIf).");
        }

        var live = request.Baseline?.ToLowerInvariant() switch
        {
            null or "plant" => false,
            "live" => true,
            _ => (bool?)null,
        };
        if (live is null)
        {
            return Problems.BadRequest($"baseline must be 'plant' (the empty plant, warm-up then the statistics window) or 'live' (the live twin's state now, to the end of the shift), not '{request.Baseline}'.");
        }

        if (CheckRun(request.Replications ?? WhatIfOptions.DefaultReplications, request.WarmUpSeconds, request.DurationSeconds) is { } invalid)
        {
            return invalid;
        }

        // Each file is checked here, against the served plant, for diagnostics with line and column; the workers read the
        // same texts again (the job carries the files, not the built scenarios).
        var scenarios = new List<WhatIfScenario>();
        var files = new List<YamlDocument>();
        for (int i = 0; i < texts.Count; i++)
        {
            string file = string.Create(CultureInfo.InvariantCulture, $"scenario {i + 1}");
            if (texts[i] is not { Length: > 0 and <= MaxScenarioChars } text)
            {
                return Problems.BadRequest($"{file} must be non-empty YAML text of at most {MaxScenarioChars} characters.");
            }

            var loaded = WhatIfScenarioLoader.Parse(text, plant.Model, file);
            if (!loaded.Success)
            {
                return Problems.BadRequest(string.Join(Environment.NewLine, loaded.Diagnostics.Select(d => d.ToString())));
            }

            scenarios.Add(loaded.Scenario!);
            files.Add(new YamlDocument(file, text));
        }

        if (!runs.TryEnter())
        {
            return Problems.Conflict("Another analysis is running on this host; try again when it has finished.");
        }

        try
        {
            var at = time.GetUtcNow();

            // Live: from the plant as it is now (bodies, work done, stations down) to the end of the shift, like the forecast.
            var snapshot = live == true ? await twin.GetSnapshotAsync(cancellationToken) : null;
            var job = WhatIfReplicationJob.Create(
                new YamlDocument(source.Path, source.Text),
                [.. files],
                request.Replications ?? WhatIfOptions.DefaultReplications,
                request.Seed ?? 1,
                request.WarmUpSeconds ?? 3600,
                request.DurationSeconds ?? (8 * 3600),
                snapshot);
            var result = await whatIf.RunAsync(job, cancellationToken: cancellationToken);
            var view = WhatIfRunView.From(AnalysisRuns.NewId(), at, context.User.Identity?.Name ?? "-", result);
            runs.Add(view);
            audit.Record("whatif-run", context.User.Identity?.Name, string.Join(", ", scenarios.Select(s => s.Name)), context);
            return TypedResults.Ok(view);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return Problems.BadRequest("The what-if cannot run: " + Clean(ex));
        }
        finally
        {
            runs.Exit();
        }
    }

    public static Ok<IReadOnlyList<WhatIfRunView>> WhatIfs(AnalysisRuns runs) => TypedResults.Ok(runs.WhatIfs());

    public static Results<Ok<WhatIfRunView>, ProblemHttpResult> WhatIf(AnalysisRuns runs, string id) =>
        runs.WhatIfs().FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal)) is { } run
            ? TypedResults.Ok(run)
            : Problems.NotFound($"There is no what-if run '{id}' among the latest {AnalysisRuns.Capacity}.");

    public static async Task<Results<Ok<BufferOptimizationView>, ProblemHttpResult>> OptimizeBuffers(
        PlantView plant, AnalysisRuns runs, TimeProvider time, AuditLog audit, HttpContext context, BufferOptimizationRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problems.BadRequest("The body must be a JSON object with budget or targetJph, and optionally line, buffers and the search settings.");
        }

        if (CheckRun(request.Replications ?? 10, request.WarmUpSeconds, request.DurationSeconds) is { } invalid)
        {
            return invalid;
        }

        if (request.Budget is < 0 or > 100_000 || request.TargetJph is { } t && !(t > 0 && t <= 1e6)
            || request.MinCapacity is < 0 or > 10_000 || request.MaxReplications is < 2 or > MaxReplications
            || request.MaxEvaluations is < 1 or > 5000 || request.IndifferencePercent is { } z && !(z >= 0 && z <= 100))
        {
            return Problems.BadRequest("budget must be 0–100000, targetJph in (0, 1000000], minCapacity 0–10000, maxReplications 2–2000, maxEvaluations 1–5000 and indifferencePercent 0–100.");
        }

        var options = new BufferAllocationOptions
        {
            Line = request.Line is { Length: > 0 } l ? new LineId(l) : null,
            Buffers = request.Buffers is { } b ? [.. b.Select(x => new AssetId(x ?? string.Empty))] : [],
            Budget = request.Budget,
            TargetThroughput = request.TargetJph,
            MinCapacity = request.MinCapacity ?? 0,
            Replications = request.Replications ?? 10,
            MaxReplications = request.MaxReplications ?? Math.Max(160, request.Replications ?? 10),
            MaxEvaluations = request.MaxEvaluations ?? 5000,
            IndifferenceZone = (request.IndifferencePercent ?? 0.5) / 100,
            Seed = request.Seed ?? 1,
            WarmUp = request.WarmUpSeconds ?? 3600,
            Duration = request.DurationSeconds ?? (8 * 3600),
            TimeProvider = time,
        };
        if (!runs.TryEnter())
        {
            return Problems.Conflict("Another analysis is running on this host; try again when it has finished.");
        }

        try
        {
            var at = time.GetUtcNow();
            var result = await Task.Run(() => BufferAllocator.Optimize(plant.Model, options, null, cancellationToken), cancellationToken);
            var view = BufferOptimizationView.From(AnalysisRuns.NewId(), at, context.User.Identity?.Name ?? "-", options, result);
            runs.Add(view);
            audit.Record("buffers-optimized", context.User.Identity?.Name, result.Line.Value, context);
            return TypedResults.Ok(view);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return Problems.BadRequest(Clean(ex));
        }
        finally
        {
            runs.Exit();
        }
    }

    public static Ok<IReadOnlyList<BufferOptimizationView>> BufferSearches(AnalysisRuns runs) => TypedResults.Ok(runs.BufferSearches());

    private static ProblemHttpResult? CheckRun(int replications, double? warmUp, double? duration)
    {
        if (replications is < 2 or > MaxReplications)
        {
            return Problems.BadRequest($"replications must be 2–{MaxReplications}, not {replications}.");
        }

        if (warmUp is { } w && !(w >= 0 && w <= MaxSeconds) || duration is { } d && !(d > 0 && d <= MaxSeconds))
        {
            return Problems.BadRequest($"warmUpSeconds must be 0–{MaxSeconds} and durationSeconds more than 0 and at most {MaxSeconds}.");
        }

        return null;
    }

    private static string Clean(Exception ex) =>
        ex is ArgumentException { ParamName: { } name } a ? a.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
}
