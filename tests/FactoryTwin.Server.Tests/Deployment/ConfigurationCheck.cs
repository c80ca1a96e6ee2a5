using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FactoryTwin.Historian;
using FactoryTwin.Server.Components.Dashboard.Data;
using FactoryTwin.Server.Mes;
using FactoryTwin.Telemetry;
using FactoryTwin.Twin.Hosting;
using FactoryTwin.VirtualPlant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>
/// Reads the environment variables a deployment file gives a node as the server reads them, and says what is wrong
/// with them: the environment-variables provider turns <c>__</c> into <c>:</c>; each section is bound to the options
/// type the server binds it to, with unknown keys an error (a typo is not silently ignored, as it would be at run
/// time); every value must convert; the options' validation rules must hold; connection strings must parse.
/// </summary>
internal static class ConfigurationCheck
{
    /// <summary>The configuration sections of the server and the options type each is bound to.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [ServerOptions.SectionName] = typeof(ServerOptions),
        [TelemetryOptions.SectionName] = typeof(TelemetryOptions),
        [HistorianOptions.SectionName] = typeof(HistorianOptions),
        [TwinOptions.SectionName] = typeof(TwinOptions),
        [VirtualPlantOptions.SectionName] = typeof(VirtualPlantOptions),
        [MesOptions.SectionName] = typeof(MesOptions),
        [DashboardOptions.Section] = typeof(DashboardOptions),
    };

    /// <summary>Checks the variables a node receives.</summary>
    /// <param name="variables">Name and value of each variable, values as the container sees them.</param>
    /// <returns>The problems and the configuration the variables make.</returns>
    public static Result Check(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var problems = new List<string>();
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
        {
            if (name.StartsWith("DOTNET_", StringComparison.Ordinal))
            {
                continue; // read by the runtime, not by the application's configuration
            }

            var key = name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            var section = key.Split(':')[0];
            values[key] = value;
            if (key.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase))
            {
                problems.AddRange(ConnectionStringProblem(name, value));
            }

            if (section.Equals("Logging", StringComparison.OrdinalIgnoreCase))
            {
                if (!key.StartsWith("Logging:LogLevel:", StringComparison.OrdinalIgnoreCase) || !Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
                {
                    problems.Add($"{name}={value}: not a log level setting (Logging__LogLevel__{{category}} = Trace … None)");
                }
            }
            else if (!Sections.ContainsKey(section))
            {
                problems.Add($"{name}: '{section}' is not a configuration section of the server ({string.Join(", ", Sections.Keys)})");
            }
            else
            {
                data[key] = value;
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        foreach (var (section, type) in Sections)
        {
            var bound = configuration.GetSection(section);
            if (!bound.Exists())
            {
                continue;
            }

            object options;
            try
            {
                options = bound.Get(type, o => o.ErrorOnUnknownConfiguration = true) ?? Activator.CreateInstance(type)!;
            }
            catch (InvalidOperationException e)
            {
                problems.Add($"{section}: {e.Message}");
                continue;
            }

            problems.AddRange(Validate(options, section));
        }

        return new Result(problems, configuration, values);
    }

    private static IEnumerable<string> ConnectionStringProblem(string name, string value)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
            return [];
        }
        catch (ArgumentException e)
        {
            return [$"{name}: not an Npgsql connection string: {e.Message}"];
        }
    }

    // The options' data annotations and IValidatableObject rules, as ValidateDataAnnotations and the source-generated
    // validators check them at start, and those of the nested options objects (Server:Orleans).
    private static List<string> Validate(object options, string path)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var problems = results.Select(r => $"{path}: {r.ErrorMessage} ({string.Join(", ", r.MemberNames)})").ToList();
        foreach (var property in options.GetType().GetProperties())
        {
            var type = property.PropertyType;
            if (type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
                && type.Namespace?.StartsWith("FactoryTwin", StringComparison.Ordinal) == true
                && property.GetIndexParameters().Length == 0 && property.GetValue(options) is { } nested)
            {
                problems.AddRange(Validate(nested, path + ":" + property.Name));
            }
        }

        return problems;
    }

    /// <summary>What <see cref="Check"/> found.</summary>
    /// <param name="Problems">Every variable that is not a setting, does not convert or breaks a rule, with the reason.</param>
    /// <param name="Configuration">The configuration the bindable variables make.</param>
    /// <param name="Values">Every variable's value by configuration key (<c>Server:Port</c>), case-insensitive.</param>
    public sealed record Result(IReadOnlyList<string> Problems, IConfiguration Configuration, IReadOnlyDictionary<string, string> Values)
    {
        /// <summary>The options of a section as the server would bind them: the variables over the defaults.</summary>
        public T Options<T>(string section)
            where T : new() => Configuration.GetSection(section).Get<T>() ?? new T();

        /// <summary>A setting as text (also one that this build cannot bind), or <see langword="null"/>.</summary>
        public string? this[string key] => Values.GetValueOrDefault(key);

        /// <summary>A port setting, or the default when the variables leave it out.</summary>
        public int Port(string key, int defaultPort) =>
            Values.TryGetValue(key, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : defaultPort;
    }
}
