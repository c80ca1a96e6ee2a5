using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Settings;

/// <summary>
/// The settings engineers change while the server runs — per-line shift targets, the forecast refresh interval and the
/// replications per forecast — kept in <c>settings.json</c> in the data folder (replaced atomically on each change), or in the cluster's database and
/// read by the live twin at each forecast (<see cref="ITwinRuntimeSettings"/>). Unset values are the start-up
/// configuration (<c>Twin:ForecastInterval</c>, <c>Twin:ForecastReplications</c>, the plant file's targets).
/// </summary>
internal sealed class RuntimeSettingsStore : ITwinRuntimeSettings
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "settings.json";

    /// <summary>The shortest forecast refresh interval, in seconds.</summary>
    public const int MinForecastIntervalSeconds = 10;

    /// <summary>The longest forecast refresh interval, in seconds (one day).</summary>
    public const int MaxForecastIntervalSeconds = 86_400;

    /// <summary>The most replications per forecast (as <c>Twin:ForecastReplications</c>).</summary>
    public const int MaxForecastReplications = 100_000;

    /// <summary>The largest shift target of a line.</summary>
    public const int MaxLineTarget = 1_000_000;

    private readonly IRuntimeSettingsBacking _backing;
    private readonly TwinOptions _defaults;
    private readonly PlantModel _plant;

    /// <summary>Creates the store of one node, on <c>settings.json</c> in the data folder.</summary>
    public RuntimeSettingsStore(IOptions<ServerOptions> options, IOptions<TwinOptions> twin, PlantModel plant)
        : this(new FileRuntimeSettingsBacking(Path.Combine(GetFolder(options), FileName)), twin, plant)
    {
    }

    /// <summary>Creates the store on a backing (a file, or the cluster's database).</summary>
    internal RuntimeSettingsStore(IRuntimeSettingsBacking backing, IOptions<TwinOptions> twin, PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(twin);
        _backing = backing;
        _defaults = twin.Value;
        _plant = plant;
    }

    /// <summary>Gets the stored settings (unset values are <see langword="null"/>).</summary>
    public RuntimeSettingsDocument Document => _backing.Read() ?? new RuntimeSettingsDocument(null, null, null, null, null);

    /// <inheritdoc/>
    public TimeSpan ForecastInterval => Document.ForecastIntervalSeconds is { } s ? TimeSpan.FromSeconds(s) : _defaults.ForecastInterval;

    /// <inheritdoc/>
    public int ForecastReplications => Document.ForecastReplications ?? _defaults.ForecastReplications;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, int> LineTargets => Document.LineTargets ?? new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Gets the shift target of every line that has one: the setting, else the plant file's.</summary>
    /// <returns>Targets by line id, in plant order.</returns>
    public IReadOnlyDictionary<string, int> EffectiveLineTargets()
    {
        var overrides = LineTargets;
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in _plant.Lines())
        {
            if (overrides.TryGetValue(line.Id.Value, out var target))
            {
                result[line.Id.Value] = target;
            }
            else if (line.ShiftTarget is { } planned)
            {
                result[line.Id.Value] = planned;
            }
        }

        return result;
    }

    /// <summary>Gets a line's shift target: the setting, else <paramref name="planned"/>.</summary>
    /// <param name="line">The line id.</param>
    /// <param name="planned">The plant file's target.</param>
    /// <returns>The target, or <see langword="null"/>.</returns>
    public int? TargetOf(string line, int? planned) => LineTargets.TryGetValue(line, out var target) ? target : planned;

    /// <summary>Replaces the settings and writes them to their backing.</summary>
    /// <param name="document">The new settings, already validated.</param>
    public void Replace(RuntimeSettingsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _backing.Write(document);
    }

    private static string GetFolder(IOptions<ServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.Value.GetDataFolder();
        Directory.CreateDirectory(folder);
        return folder;
    }
}
