using System.CommandLine;
using System.CommandLine.Parsing;
using FactoryTwin.Model.Units;

namespace FactoryTwin.Cli.Commands;

/// <summary>The options of <c>simulate</c>, with parsers that turn bad values into usage errors (exit code 2).</summary>
internal static class SimulateOptions
{
    public static Option<double> Duration(string name, string defaultText, string description, bool allowZero) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => ParseDuration(defaultText, null, allowZero),
        CustomParser = result => ParseDuration(result.Tokens.Count > 0 ? result.Tokens[0].Value : defaultText, result, allowZero),
    };

    public static Option<int> Replications() => new("--replications", "-n")
    {
        Description = "Independent replications (at least 1); the intervals are 95 % Student-t intervals over them.",
        DefaultValueFactory = _ => 100,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "100";
            if (!int.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                result.AddError($"--replications must be a whole number of at least 1, not '{token}'.");
                return 1;
            }

            return n;
        },
    };

    public static Option<ulong> Seed() => new("--seed")
    {
        Description = "The experiment seed: the same seed gives the same numbers on any machine and thread count.",
        DefaultValueFactory = _ => 1,
    };

    public static Option<SimulateFormat> Output() => new("--output", "-o")
    {
        Description = "How to print the result: text (tables), json (one document) or csv (one row per KPI).",
        DefaultValueFactory = _ => SimulateFormat.Text,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
            switch (token.ToLowerInvariant())
            {
                case "text":
                    return SimulateFormat.Text;
                case "json":
                    return SimulateFormat.Json;
                case "csv":
                    return SimulateFormat.Csv;
                default:
                    result.AddError($"'{token}' is not an output format; use text, json or csv.");
                    return SimulateFormat.Text;
            }
        },
    };

    private static double ParseDuration(string text, ArgumentResult? result, bool allowZero)
    {
        if (UnitParser.TryParse(text, QuantityKind.Duration, out var seconds, out var error, out _) && (seconds > 0 || (allowZero && seconds == 0)) && double.IsFinite(seconds))
        {
            return seconds;
        }

        var name = result?.Parent is OptionResult o ? o.Option.Name : "duration";
        var why = string.IsNullOrEmpty(error) ? (allowZero ? "it must not be negative" : "it must be positive") : error;
        result?.AddError($"{name}: '{text}' is not a valid duration ({why}). Write a number with a time unit, e.g. 8h, 90 min, 3600 s.");
        return allowZero ? 0 : 1;
    }
}
