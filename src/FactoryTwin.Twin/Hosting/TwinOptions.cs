using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FactoryTwin.Twin.Hosting;

/// <summary>Options of the live twin (configuration section <c>Twin</c>).</summary>
public sealed class TwinOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Twin";

    /// <summary>The name of the grain storage the twins use.</summary>
    public const string StorageName = "twinStore";

    /// <summary>
    /// The service key of the <see cref="TimeProvider"/> the twins read the time from; unless the host registers one
    /// under this key, it is the host's <see cref="TimeProvider"/>. Tests put a fake clock here without touching Orleans' own.
    /// </summary>
    public const string ClockKey = "FactoryTwin.Twin.Clock";

    /// <summary>The default <see cref="DataFolder"/>.</summary>
    public const string DefaultDataFolder = "data";

    /// <summary>Gets or sets where grain state is kept (how silos cluster is the host's choice).</summary>
    /// <value>The default value is <see cref="TwinStorageProvider.Embedded"/>.</value>
    [EnumDataType(typeof(TwinStorageProvider), ErrorMessage = "Twin:Storage must be Embedded or Postgres.")]
    public TwinStorageProvider Storage { get; set; } = TwinStorageProvider.Embedded;

    /// <summary>Gets or sets the data folder; embedded grain state goes to <c>{DataFolder}/twin</c>.</summary>
    /// <value>The default value is <c>data</c>.</value>
    [Required(ErrorMessage = "Twin:DataFolder must not be empty.")]
    public string DataFolder { get; set; } = DefaultDataFolder;

    /// <summary>Gets or sets the PostgreSQL connection string (required with <see cref="TwinStorageProvider.Postgres"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets how often a twin with unsaved changes writes its state.</summary>
    /// <value>The default value is 5 seconds. Alarm transitions and commands are written at once.</value>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how often an active twin evaluates time-driven alarm rules, shelving expiry and (ovens) the cure watch.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the shortest time between two change notices to one subscriber (coalescing window).</summary>
    /// <value>The default value is 250 milliseconds (at most 4 updates per second per subscriber).</value>
    public TimeSpan ChangeInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets how often the plant twin refreshes the shift forecast while it is active (and how old a forecast may be before <c>GetForecastAsync</c> makes a new one).</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan ForecastInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the number of Monte Carlo replications per forecast.</summary>
    /// <value>The default value is 1000.</value>
    public int ForecastReplications { get; set; } = 1000;

    /// <summary>
    /// Gets or sets the most replications of a forecast one worker runs as a chunk; a forecast's chunks run at once on
    /// worker grains spread over the silos. Smaller chunks spread a forecast over more silos at a little more messaging;
    /// the forecast is the same whatever the chunk size.
    /// </summary>
    /// <value>The default value is 100.</value>
    public int ForecastChunkSize { get; set; } = DefaultForecastChunkSize;

    /// <summary>The default <see cref="ForecastChunkSize"/>.</summary>
    public const int DefaultForecastChunkSize = 100;

    /// <summary>
    /// Gets or sets the most replications of a what-if (each of them a run of the baseline and of every scenario) one
    /// worker runs as a chunk; a what-if's chunks run at once, one core each, on worker grains spread over the silos.
    /// Smaller chunks keep more cores busy to the end at a little more messaging (each chunk carries the plant and
    /// scenario files); the result is the same whatever the chunk size.
    /// </summary>
    /// <value>The default value is 10.</value>
    public int WhatIfChunkSize { get; set; } = DefaultWhatIfChunkSize;

    /// <summary>The default <see cref="WhatIfChunkSize"/>.</summary>
    public const int DefaultWhatIfChunkSize = 10;

    /// <summary>Gets or sets the forecast seed (the same snapshot and seed give the same forecast).</summary>
    /// <value>The default value is 1.</value>
    public ulong ForecastSeed { get; set; } = 1;

    /// <summary>Gets or sets the longest an alarm may be shelved.</summary>
    /// <value>The default value is 8 hours.</value>
    public TimeSpan MaxShelveDuration { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Gets or sets whether alarm transitions are appended to the historian's alarm table (when the host registers an <see cref="Historian.IAlarmHistory"/>, as <c>AddHistorian</c> does).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RecordAlarmHistory { get; set; } = true;

    /// <summary>Gets the folder embedded grain state is written to.</summary>
    /// <returns>The full path.</returns>
    public string GetGrainStateFolder() => Path.GetFullPath(Path.Combine(DataFolder, "twin"));

    /// <summary>
    /// Checks the rules that join several options, and the numeric ranges: the options validation generator's own copy of
    /// <see cref="RangeAttribute"/> ignores <see cref="ValidationAttribute.ErrorMessage"/> (dotnet/runtime#123137), and
    /// every message must name the configuration key. <see cref="RequiredAttribute"/> and <see cref="EnumDataTypeAttribute"/>
    /// keep their messages and stay annotations.
    /// </summary>
    /// <param name="validationContext">The context.</param>
    /// <returns>One result per broken rule, naming the configuration key.</returns>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (Storage == TwinStorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Twin:ConnectionString is required when Twin:Storage is Postgres.");
        }

        foreach (var (name, value) in new (string, TimeSpan)[]
        {
            (nameof(PersistInterval), PersistInterval),
            (nameof(EvaluationInterval), EvaluationInterval),
            (nameof(ChangeInterval), ChangeInterval),
            (nameof(MaxShelveDuration), MaxShelveDuration),
            (nameof(ForecastInterval), ForecastInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Twin:{name} must be positive, not {value}."));
            }
        }

        if (ForecastReplications is < 1 or > 100_000)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Twin:ForecastReplications must be in 1..100000, not {ForecastReplications}."));
        }

        if (ForecastChunkSize is < 1 or > 100_000)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Twin:ForecastChunkSize must be in 1..100000, not {ForecastChunkSize}."));
        }

        if (WhatIfChunkSize is < 1 or > 100_000)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Twin:WhatIfChunkSize must be in 1..100000, not {WhatIfChunkSize}."));
        }
    }

}
