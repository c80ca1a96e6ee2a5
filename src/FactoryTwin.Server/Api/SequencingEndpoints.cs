using System.Globalization;
using FactoryTwin.Analytics.Sequencing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactoryTwin.Server.Api;

/// <summary>Handler of the paint-shop sequencing endpoint (docs/sequencing.md).</summary>
internal static class SequencingEndpoints
{
    /// <summary>The longest time limit a request may ask for, in seconds.</summary>
    public const double MaxTimeLimitSeconds = 60;

    public static Results<Ok<SequenceView>, ProblemHttpResult> Sequence(SequenceRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problems.BadRequest("the body must be a JSON object with bodies or orders, and rules.");
        }

        if (ToProblem(request, out var problem) is { } wrong)
        {
            return Problems.BadRequest(wrong);
        }

        if (ToOptions(request.TimeLimitSeconds, request.Workers, out var options) is { } badOptions)
        {
            return Problems.BadRequest(badOptions);
        }

        var result = PaintSequencer.Sequence(problem!, options!, cancellationToken: cancellationToken);
        return TypedResults.Ok(SequenceView.From(result));
    }

    /// <summary>The solver settings of a request: time limit and workers, checked against this host.</summary>
    internal static string? ToOptions(double? timeLimitSeconds, int? requestedWorkers, out SequencingOptions? options)
    {
        options = null;
        var limit = timeLimitSeconds ?? SequencingOptions.DefaultTimeLimit.TotalSeconds;
        if (!(limit > 0) || limit > MaxTimeLimitSeconds)
        {
            return string.Create(CultureInfo.InvariantCulture, $"timeLimitSeconds must be more than 0 and at most {MaxTimeLimitSeconds}, not {limit}.");
        }

        var workers = requestedWorkers ?? Math.Min(SequencingOptions.DefaultWorkers, Environment.ProcessorCount);
        if (workers < 1 || workers > Environment.ProcessorCount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"workers must be 1 to {Environment.ProcessorCount} (this host's processors), not {workers}.");
        }

        options = new SequencingOptions { TimeLimit = TimeSpan.FromSeconds(limit), Workers = workers };
        return null;
    }

    private static string? ToProblem(SequenceRequest request, out SequencingProblem? problem)
    {
        problem = null;
        if ((request.Bodies is null) == (request.Orders is null))
        {
            return "give either bodies or orders (not both, not neither).";
        }

        List<SequencingBody> bodies;
        if (request.Bodies is not null)
        {
            bodies = [];
            for (var i = 0; i < request.Bodies.Count; i++)
            {
                var b = request.Bodies[i];
                if (b is null || string.IsNullOrWhiteSpace(b.Id) || string.IsNullOrWhiteSpace(b.Colour))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"bodies[{i}] needs an id and a colour.");
                }

                bodies.Add(new SequencingBody(b.Id, b.Colour, b.Options ?? [], b.Due));
            }
        }
        else
        {
            var orders = new List<SequencingOrder>();
            var total = 0L;
            for (var i = 0; i < request.Orders!.Count; i++)
            {
                var o = request.Orders[i];
                if (o is null || string.IsNullOrWhiteSpace(o.Id) || string.IsNullOrWhiteSpace(o.Colour))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"orders[{i}] needs an id and a colour.");
                }

                if (o.Quantity is < 1 or > SequencingOrder.MaxQuantity)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"orders[{i}].quantity must be 1 to {SequencingOrder.MaxQuantity}, not {o.Quantity}.");
                }

                total += o.Quantity;
                if (total > SequencingProblem.MaxBodies)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"orders expand to more than {SequencingProblem.MaxBodies} bodies.");
                }

                orders.Add(new SequencingOrder(o.Id, o.Variant ?? string.Empty, o.Colour, o.Options ?? [], o.Quantity, o.Due));
            }

            bodies = [.. SequencingOrder.Expand(orders)];
        }

        if (ToRules(request.Rules, out var rules) is { } badRules)
        {
            return badRules;
        }

        problem = new SequencingProblem(bodies, rules!);
        var errors = problem.Validate();
        return errors.Count > 0 ? string.Join(" ", errors) : null;
    }

    /// <summary>The rules of a request; omitted: no batch limit, no ratios, soft dues.</summary>
    internal static string? ToRules(SequenceRulesDto? dto, out SequencingRules? rules)
    {
        rules = null;
        var r = dto ?? new SequenceRulesDto(null, null, null, null, null, null, null);
        if (Mode(r.Batch, ConstraintMode.Hard, "rules.batch", out var batchMode) is { } badBatch)
        {
            return badBatch;
        }

        if (Mode(r.Due, ConstraintMode.Soft, "rules.due", out var dueMode) is { } badDue)
        {
            return badDue;
        }

        var ratios = new List<OptionRatio>();
        for (var i = 0; i < (r.Options?.Count ?? 0); i++)
        {
            var o = r.Options![i];
            if (o is null || string.IsNullOrWhiteSpace(o.Option))
            {
                return string.Create(CultureInfo.InvariantCulture, $"rules.options[{i}] needs an option name.");
            }

            if (Mode(o.Mode, ConstraintMode.Hard, string.Create(CultureInfo.InvariantCulture, $"rules.options[{i}].mode"), out var mode) is { } badMode)
            {
                return badMode;
            }

            ratios.Add(new OptionRatio(o.Option, o.P, o.Q, mode, o.Weight ?? 1));
        }

        rules = new SequencingRules
        {
            MaxBatchLength = r.MaxBatch,
            BatchMode = batchMode,
            BatchWeight = r.BatchWeight ?? SequencingRules.DefaultBatchWeight,
            ColourChangeWeight = r.ColourChangeWeight ?? SequencingRules.DefaultColourChangeWeight,
            DueMode = dueMode,
            DueWeight = r.DueWeight ?? SequencingRules.DefaultDueWeight,
            Options = ratios,
        };
        return null;
    }

    private static string? Mode(string? text, ConstraintMode fallback, string field, out ConstraintMode mode)
    {
        mode = fallback;
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "hard":
                mode = ConstraintMode.Hard;
                return null;
            case "soft":
                mode = ConstraintMode.Soft;
                return null;
            default:
                return $"{field} must be hard or soft, not '{text}'.";
        }
    }
}
