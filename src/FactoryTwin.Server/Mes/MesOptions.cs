using System.ComponentModel.DataAnnotations;
using FactoryTwin.Mes.Scheduling;

namespace FactoryTwin.Server.Mes;

/// <summary>The MES interface: where the active schedule is kept and how large a schedule may be (section <c>Mes</c>).</summary>
public sealed class MesOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Mes";

    /// <summary>The smallest allowed <see cref="MaxScheduleBytes"/> (1 KiB).</summary>
    public const long MinScheduleBytes = 1024;

    /// <summary>The largest allowed <see cref="MaxScheduleBytes"/> (64 MiB).</summary>
    public const long MaxScheduleBytesLimit = 64L * 1024 * 1024;

    /// <summary>Gets or sets the folder of the active schedule, or <see langword="null"/> for <c>{Server:DataFolder}/mes</c>.</summary>
    public string? DataFolder { get; set; }

    /// <summary>Gets or sets the size limit of a schedule document in bytes; larger documents are refused unread.</summary>
    /// <value>The default value is 8 MiB (<see cref="ScheduleImporter.DefaultMaxDocumentBytes"/>). Over REST the smaller of this and <c>Server:MaxRequestBodyBytes</c> applies.</value>
    [Range(MinScheduleBytes, MaxScheduleBytesLimit)]
    public long MaxScheduleBytes { get; set; } = ScheduleImporter.DefaultMaxDocumentBytes;

    /// <summary>Gets or sets the span, in minutes of plant time, whose output rate the order completion estimates use.</summary>
    /// <value>The default value is 60.</value>
    [Range(1, 10_080)]
    public int ForecastLookbackMinutes { get; set; } = 60;

    /// <summary>Gets or sets how many bodies' cure verdicts the server remembers for the performance export.</summary>
    /// <value>The default value is 100000 (about two weeks of a 60 jobs/h plant).</value>
    [Range(1, 10_000_000)]
    public int RememberedCureVerdicts { get; set; } = 100_000;

    /// <summary>
    /// Gets or sets whether the server writes each shift's <c>OperationsPerformance</c> when the shift ends, to
    /// <c>{DataFolder}/performance/performance-{yyyy-MM-dd}-{shift}.xml</c> (while a schedule is active).
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ShiftExport { get; set; } = true;

    /// <summary>Gets or sets how long after a shift's end, in seconds of plant time, its document is written (telemetry still on its way).</summary>
    /// <value>The default value is 120.</value>
    [Range(0, 86_400)]
    public int ShiftExportDelaySeconds { get; set; } = 120;

    /// <summary>
    /// Gets or sets whether the server simulates each open order's completion (<see cref="OrderForecastRefresh"/>): Monte
    /// Carlo replications from the live twin's snapshot with the sources releasing by the active schedule. Off, the
    /// estimate comes from the recent output rate alone.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool OrderForecast { get; set; } = true;

    /// <summary>Gets or sets the replications of the order forecast.</summary>
    /// <value>The default value is 50.</value>
    [Range(1, 10_000)]
    public int OrderForecastReplications { get; set; } = Analytics.Orders.OrderForecastOptions.DefaultReplications;

    /// <summary>Gets or sets how far ahead, in hours of plant time, the order forecast simulates; an order not complete by then is "after the horizon".</summary>
    /// <value>The default value is 72 (three days).</value>
    [Range(1, 24 * 31)]
    public int OrderForecastHorizonHours { get; set; } = (int)(Analytics.Orders.OrderForecastOptions.DefaultHorizonDays * 24);

    /// <summary>Gets or sets how often, in seconds of wall time, the order forecast is made afresh (at once when a schedule is imported).</summary>
    /// <value>The default value is 60 (as the twin's shift forecast, <c>Twin:ForecastInterval</c>).</value>
    [Range(5, 86_400)]
    public int OrderForecastIntervalSeconds { get; set; } = 60;

    /// <summary>Gets or sets the seed of the order forecast: the same seed every time, so that successive forecasts differ by the plant's state, not by chance (common random numbers).</summary>
    /// <value>The default value is 1.</value>
    public ulong OrderForecastSeed { get; set; } = 1;
}
