using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Hosting;

/// <summary>The default <see cref="ITwinRuntimeSettings"/>: the start-up options, no target overrides.</summary>
internal sealed class TwinOptionsRuntimeSettings(IOptions<TwinOptions> options) : ITwinRuntimeSettings
{
    public TimeSpan ForecastInterval => options.Value.ForecastInterval;

    public int ForecastReplications => options.Value.ForecastReplications;

    public IReadOnlyDictionary<string, int> LineTargets { get; } = new Dictionary<string, int>(StringComparer.Ordinal);
}
