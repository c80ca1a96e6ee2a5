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
}
