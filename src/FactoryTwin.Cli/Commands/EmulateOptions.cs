using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FactoryTwin.Model.Units;

namespace FactoryTwin.Cli.Commands;

/// <summary>The options of <c>emulate</c>, with parsers that turn bad values into usage errors (exit code 2).</summary>
internal static class EmulateOptions
{
    public static Option<double> Speed() => new("--speed")
    {
        Description = "Simulated time per wall-clock time: 1 (real time) to 1000, or 'max' for as fast as the broker takes it.",
        DefaultValueFactory = _ => 1,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "1";
            if (string.Equals(token, "max", StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            var text = token.EndsWith('x') ? token[..^1] : token;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed >= 1 && speed <= 1000)
            {
                return speed;
            }

            result.AddError($"--speed must be a number from 1 to 1000 (times real time) or 'max', not '{token}'.");
            return 1;
        },
    };

    public static Option<(string Host, int Port)> Broker() => new("--broker")
    {
        Description = "The MQTT broker as mqtt://host:port (port 1883 when left out).",
        DefaultValueFactory = _ => ("127.0.0.1", 1883),
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "mqtt://127.0.0.1:1883";
            if (Uri.TryCreate(token.Contains("://", StringComparison.Ordinal) ? token : "mqtt://" + token, UriKind.Absolute, out var uri)
                && string.Equals(uri.Scheme, "mqtt", StringComparison.OrdinalIgnoreCase) && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.PathAndQuery.Trim('/')))
            {
                return (uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 1883 : uri.Port);
            }

            result.AddError($"--broker must look like mqtt://host:port (e.g. mqtt://127.0.0.1:1883), not '{token}'.");
            return ("127.0.0.1", 1883);
        },
    };

    /// <summary>An optional duration with a unit (8h, 90 min); absent = null.</summary>
    public static Option<double?> Duration(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseDuration(result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty, result),
    };

    public static Option<double> Interval(string name, string defaultText, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = r => UnitParser.TryParse(defaultText, QuantityKind.Duration, out var s, out _, out _) ? s : 1,
        CustomParser = result => ParseDuration(result.Tokens.Count > 0 ? result.Tokens[0].Value : defaultText, result) ?? 1,
    };

    public static Option<TimeOnly?> Start() => new("--start")
    {
        Description = "Local time of day (site time zone) at which the run starts, HH:mm; default: the start of the first shift of the week.",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (TimeOnly.TryParseExact(token, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return time;
            }

            result.AddError($"--start must be a time of day like 06:00, not '{token}'.");
            return null;
        },
    };

    public static Option<int> Buffer() => new("--buffer")
    {
        Description = "Messages each gateway keeps while the broker is away; when full, the oldest is dropped and counted.",
        DefaultValueFactory = _ => 100_000,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "100000";
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                return n;
            }

            result.AddError($"--buffer must be a whole number of at least 1, not '{token}'.");
            return 1;
        },
    };

    private static double? ParseDuration(string text, ArgumentResult result)
    {
        if (UnitParser.TryParse(text, QuantityKind.Duration, out var seconds, out var error, out _) && seconds > 0 && double.IsFinite(seconds))
        {
            return seconds;
        }

        var name = result.Parent is OptionResult o ? o.Option.Name : "duration";
        result.AddError($"{name}: '{text}' is not a valid duration ({(string.IsNullOrEmpty(error) ? "it must be positive" : error)}). Write a number with a time unit, e.g. 8h, 90 min, 1 s.");
        return null;
    }
}
