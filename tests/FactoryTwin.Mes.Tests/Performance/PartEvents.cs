using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Mes.Tests.Performance;

/// <summary>Builds part events along the automotive plant's flow, as the virtual plant publishes them.</summary>
internal sealed class PartEvents
{
    public static readonly DateTimeOffset Monday6 = new(2026, 12, 7, 5, 0, 0, TimeSpan.Zero); // 06:00 Europe/Berlin

    private readonly List<PartEvent> _events = [];
    private long _seq;

    public IReadOnlyList<PartEvent> All => [.. _events.OrderBy(e => e.Timestamp).ThenBy(e => e.Seq)];

    public PartEvents Add(string asset, double minutes, PartEventKind kind, string body, string variant, string colour)
    {
        _events.Add(new PartEvent(new AssetId(asset), Monday6.AddMinutes(minutes), kind, body, new VariantId(variant), new ColourId(colour), _seq++));
        return this;
    }

    /// <summary>A body released at <paramref name="release"/> minutes that leaves the body line 60, the paint line 180 and is shipped 300 minutes later, as far as <paramref name="end"/> minutes after its release.</summary>
    public PartEvents Through(string body, string variant, string colour, double release, double end = 300)
    {
        Add("body-release", release, PartEventKind.Enter, body, variant, colour);
        Add("body-release", release, PartEventKind.Exit, body, variant, colour);
        Add("underbody", release, PartEventKind.Enter, body, variant, colour);
        if (end >= 60)
        {
            Add("biw-store", release + 60, PartEventKind.Exit, body, variant, colour);
            Add("pretreatment", release + 60, PartEventKind.Enter, body, variant, colour);
        }

        if (end >= 180)
        {
            Add("inspection", release + 180, PartEventKind.Exit, body, variant, colour);
            Add("pbs", release + 180, PartEventKind.Enter, body, variant, colour);
        }

        if (end >= 300)
        {
            Add("shipped", release + 300, PartEventKind.Enter, body, variant, colour);
        }

        return this;
    }

    /// <summary>A body released at <paramref name="release"/> minutes and scrapped at metal finish 30 minutes later.</summary>
    public PartEvents Scrapped(string body, string variant, string colour, double release)
    {
        Add("body-release", release, PartEventKind.Enter, body, variant, colour);
        Add("body-release", release, PartEventKind.Exit, body, variant, colour);
        Add("metal-finish", release + 20, PartEventKind.Enter, body, variant, colour);
        Add("metal-finish", release + 30, PartEventKind.Exit, body, variant, colour);
        return this;
    }
}
