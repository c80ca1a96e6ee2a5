using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;
using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Model.Loading;

/// <summary>
/// Reads a distribution: a single quantity means a constant (<c>55 s</c>); a mapping names the distribution in
/// <c>dist</c> with its parameters (<c>{ dist: lognormal, mean: 60 s, cv: 0.25 }</c>).
/// </summary>
public static class DistributionReader
{
    private static readonly string[] Names = ["constant", "uniform", "triangular", "normal", "lognormal", "exponential", "empirical"];

    /// <summary>Reads the distribution under <paramref name="key"/> of a mapping; errors go to the mapping's diagnostics.</summary>
    /// <param name="parent">The mapping that holds the key.</param>
    /// <param name="key">The key.</param>
    /// <param name="kind">The quantity of the values (a duration, a length, …).</param>
    /// <param name="required">Whether a missing key is an error.</param>
    /// <returns>The distribution, or <see langword="null"/> when it is missing or invalid.</returns>
    public static Distribution? Read(MappingReader parent, string key, QuantityKind kind, bool required)
    {
        var node = parent.Value(key, required, $"'{key}: {kind.Example}' or '{key}: {{ dist: lognormal, mean: {kind.Example}, cv: 0.2 }}'");
        return node is null ? null : Parse(parent, node, key, kind);
    }

    /// <summary>Parses a distribution node: a quantity (a constant) or a mapping with <c>dist</c> and its parameters.</summary>
    /// <param name="parent">The mapping that holds the node (for the file, context and diagnostics).</param>
    /// <param name="node">The node.</param>
    /// <param name="key">The key the node is under, for messages.</param>
    /// <param name="kind">The quantity of the values.</param>
    /// <returns>The distribution, or <see langword="null"/> when it is invalid.</returns>
    public static Distribution? Parse(MappingReader parent, YamlNode node, string key, QuantityKind kind)
    {
        if (node is YamlScalarNode)
        {
            var value = parent.ParseQuantity(node, key, kind, ValueRange.NonNegative);
            return value is { } v ? new ConstantDistribution(v) : null;
        }

        var r = parent.AsMapping(node, key, $"{parent.Context} {key}");
        if (r is null)
        {
            return null;
        }

        var dist = r.Scalar("dist", required: true, hint: "'dist: lognormal' (constant, uniform, triangular, normal, lognormal, exponential or empirical)");
        Distribution? result = null;
        switch (dist?.Value)
        {
            case null:
                break;
            case "constant":
                result = r.Quantity("value", kind, required: true, ValueRange.NonNegative) is { } constant ? new ConstantDistribution(constant) : null;
                break;
            case "uniform":
                {
                    var min = r.Quantity("min", kind, required: true, ValueRange.NonNegative);
                    var max = r.Quantity("max", kind, required: true, ValueRange.NonNegative);
                    if (min is { } a && max is { } b)
                    {
                        result = b > a ? new UniformDistribution(a, b) : Invalid(r, "max", $"max must be greater than min ({r.Context}).");
                    }

                    break;
                }

            case "triangular":
                {
                    var min = r.Quantity("min", kind, required: true, ValueRange.NonNegative);
                    var mode = r.Quantity("mode", kind, required: true, ValueRange.NonNegative);
                    var max = r.Quantity("max", kind, required: true, ValueRange.NonNegative);
                    if (min is { } a && mode is { } m && max is { } b)
                    {
                        result = a <= m && m <= b && a < b
                            ? new TriangularDistribution(a, m, b)
                            : Invalid(r, "mode", $"{r.Context}: a triangular distribution needs min ≤ mode ≤ max with min < max.");
                    }

                    break;
                }

            case "normal":
                {
                    var mean = r.Quantity("mean", kind, required: true, ValueRange.Positive);
                    var sd = r.Quantity("sd", kind, required: true, ValueRange.NonNegative);
                    if (mean is { } m && sd is { } s)
                    {
                        result = new NormalDistribution(m, s);
                    }

                    break;
                }

            case "lognormal":
                {
                    var mean = r.Quantity("mean", kind, required: true, ValueRange.Positive);
                    var cv = r.Quantity("cv", QuantityKind.Number, required: true, ValueRange.Positive);
                    if (mean is { } m && cv is { } c)
                    {
                        result = new LogNormalDistribution(m, c);
                    }

                    break;
                }

            case "exponential":
                result = r.Quantity("mean", kind, required: true, ValueRange.Positive) is { } e ? new ExponentialDistribution(e) : null;
                break;
            case "empirical":
                {
                    var samples = r.Value("samples", required: true, hint: $"'samples: [{kind.Example}, …]'");
                    if (samples is YamlSequenceNode seq && seq.Children.Count > 0)
                    {
                        var values = new List<double>();
                        var ok = true;
                        foreach (var child in seq.Children)
                        {
                            if (r.ParseQuantity(child, "samples", kind, ValueRange.NonNegative) is { } v)
                            {
                                values.Add(v);
                            }
                            else
                            {
                                ok = false;
                            }
                        }

                        result = ok ? new EmpiricalDistribution(values.ToValueList()) : null;
                    }
                    else if (samples is not null)
                    {
                        r.Diagnostics.Error(YamlSource.LocationOf(r.File, samples), DiagnosticCode.InvalidDistribution, $"{r.Context}: samples must be a non-empty list of values, e.g. [{kind.Example}, {kind.Example}].");
                    }

                    break;
                }

            default:
                r.Diagnostics.Error(dist.Value.Location, DiagnosticCode.InvalidDistribution, $"{r.Context}: '{dist.Value.Value}' is not a distribution; use {string.Join(", ", Names)}.{Suggestions.DidYouMean(dist.Value.Value, Names)}");
                break;
        }

        r.Finish();
        return result;
    }

    private static Distribution? Invalid(MappingReader r, string key, string message)
    {
        r.Diagnostics.Error(r.KeyLocation(key), DiagnosticCode.InvalidDistribution, message);
        return null;
    }
}
