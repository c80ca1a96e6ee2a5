using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FactoryTwin.VirtualPlant;

/// <summary>
/// Options of the virtual plant (configuration section <c>VirtualPlant</c>). Simulated durations are in seconds of
/// simulation time; wall durations are <see cref="TimeSpan"/>s.
/// </summary>
public sealed class VirtualPlantOptions : IValidatableObject
{
    /// <summary>The dependency-injection key of the clock the hosted emulator paces and stamps by (default: the host's clock).</summary>
    public const string ClockKey = "FactoryTwin.VirtualPlant.Clock";

    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "VirtualPlant";

    /// <summary>The default <see cref="Speed"/>: real time.</summary>
    public const double DefaultSpeed = 1;

    /// <summary>The highest paced <see cref="Speed"/>.</summary>
    public const double MaxPacedSpeed = 1000;

    /// <summary>The default <see cref="Port"/>.</summary>
    public const int DefaultPort = 1883;

    /// <summary>The default <see cref="SampleInterval"/> in simulated seconds.</summary>
    public const double DefaultSampleInterval = 1;

    /// <summary>The default <see cref="BatchInterval"/> in simulated seconds.</summary>
    public const double DefaultBatchInterval = 5;

    /// <summary>The default <see cref="BufferCapacity"/> in messages per gateway.</summary>
    public const int DefaultBufferCapacity = 100_000;

    /// <summary>The default <see cref="MaxInFlight"/>.</summary>
    public const int DefaultMaxInFlight = 256;

    /// <summary>The default <see cref="StateSaveInterval"/>: two seconds of wall time.</summary>
    public static readonly TimeSpan DefaultStateSaveInterval = TimeSpan.FromSeconds(2);

    /// <summary>The longest <see cref="StateSaveInterval"/>.</summary>
    public static readonly TimeSpan MaxStateSaveInterval = TimeSpan.FromMinutes(10);

    /// <summary>The default <see cref="MaxValuesPerMessage"/>.</summary>
    public const int DefaultMaxValuesPerMessage = 500;

    /// <summary>Gets or sets the plant file (YAML). Required unless the host registers the plant model.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PlantFile { get; set; }

    /// <summary>
    /// Gets or sets the speed factor: simulated seconds per wall-clock second, from 1 (real time) to
    /// <see cref="MaxPacedSpeed"/>; 0 runs as fast as possible.
    /// </summary>
    /// <value>The default value is 1.</value>
    public double Speed { get; set; } = DefaultSpeed;

    /// <summary>Gets or sets the seed of the simulation and of the sensor noise.</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; set; } = 1;

    /// <summary>Gets or sets the local time of day (in the site's time zone) at which the run starts, or <see langword="null"/> for the start of the first shift of the week.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeOnly? StartTime { get; set; }

    /// <summary>Gets or sets how long to run in simulated seconds; <see langword="null"/> runs until stopped.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? Duration { get; set; }

    /// <summary>Gets or sets the MQTT broker host.</summary>
    /// <value>The default value is <c>127.0.0.1</c>.</value>
    [Required(ErrorMessage = "VirtualPlant:Host is empty; name the MQTT broker's host, e.g. 127.0.0.1.")]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the MQTT broker port.</summary>
    /// <value>The default value is 1883.</value>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Gets or sets the MQTT password per gateway id. Each gateway connects with client id and user name = its gateway id,
    /// and with its password when one is given here. Passwords are never logged.
    /// </summary>
    public Dictionary<string, string> Passwords { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the simulated seconds between two samples of every sensor; 0 publishes no measurements.</summary>
    /// <value>The default value is 1.</value>
    public double SampleInterval { get; set; } = DefaultSampleInterval;

    /// <summary>Gets or sets the simulated seconds of sensor samples a gateway collects into one <c>measure</c> message.</summary>
    /// <value>The default value is 5.</value>
    public double BatchInterval { get; set; } = DefaultBatchInterval;

    /// <summary>Gets or sets the most values in one <c>measure</c> message (a batch with more is split).</summary>
    /// <value>The default value is 500.</value>
    public int MaxValuesPerMessage { get; set; } = DefaultMaxValuesPerMessage;

    /// <summary>
    /// Gets or sets the messages each gateway keeps while it cannot publish (broker down, or slower than the plant).
    /// When full, the oldest message is dropped and counted.
    /// </summary>
    /// <value>The default value is 100 000.</value>
    public int BufferCapacity { get; set; } = DefaultBufferCapacity;

    /// <summary>Gets or sets the QoS 1 publishes each gateway keeps in flight.</summary>
    /// <value>The default value is 256.</value>
    public int MaxInFlight { get; set; } = DefaultMaxInFlight;

    /// <summary>Gets or sets the wait between reconnection attempts.</summary>
    /// <value>The default value is 500 ms.</value>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the scenario file (YAML) with disturbances, or <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ScenarioFile { get; set; }

    /// <summary>Gets or sets the ground-truth file (JSON Lines of every simulated event), or <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? GroundTruthFile { get; set; }

    /// <summary>
    /// Gets or sets whether messages are stamped with simulated plant time instead of their wall-clock due time: a
    /// replay. The event at simulated second t is stamped <c>origin + t</c>, where the origin is the last instant at the
    /// simulation's start (week day and time of day in the site's time zone) from which the whole
    /// <see cref="Duration"/> (required) ends no later than now; so no stamp is in the future, and the oldest is at most
    /// one week plus the duration old (the ingestion's <c>Telemetry:MaxAge</c> must cover that). The origin is
    /// <see cref="VirtualPlantEmulator.ReplayOrigin"/>.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool StampPlantTime { get; set; }

    /// <summary>
    /// Gets or sets whether the simulation starts at the emulator clock's current week day and time of day in the site's
    /// time zone (instead of <see cref="StartTime"/>), so that every stamp is that clock's time: the emulated plant keeps
    /// the shift calendar in step with the clock. Needs <see cref="Speed"/> 1; to run faster, give the emulator a faster
    /// clock (a <c>ScaledTimeProvider</c> registered under <see cref="ClockKey"/>), as the server does.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AlignToClock { get; set; }

    /// <summary>
    /// Gets or sets the state file of the hosted virtual plant (JSON), or <see langword="null"/> for none: the latest plant
    /// time it stamped and each gateway's next <c>seq</c>, written atomically every <see cref="StateSaveInterval"/> and on
    /// a clean stop, so that a restart continues the gateways' counters (and, in the server, the plant clock) instead of
    /// sending the same <c>seq</c> and plant time again. The server sets it to <c>virtual-plant-state.json</c> in its data
    /// folder. Only <see cref="VirtualPlantHostedService"/> uses it.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? StateFile { get; set; }

    /// <summary>
    /// Gets or sets whether a start continues from <see cref="StateFile"/> when it holds a saved state; with
    /// <see langword="false"/> the saved state is ignored (every counter starts at 0, the server's plant clock at its
    /// configured start) and replaced.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Resume { get; set; } = true;

    /// <summary>
    /// Gets or sets the wall time between two saves of <see cref="StateFile"/> while the plant runs (a clean stop saves
    /// at once). After a crash the restart adds what may have been sent since the last save: two intervals of the
    /// emulator clock's time plus a second, and for each gateway four times the most messages it sent between two saves
    /// (at least <see cref="Continuity.VirtualPlantState.MinimumSeqMargin"/>).
    /// </summary>
    /// <value>The default value is 2 s.</value>
    public TimeSpan StateSaveInterval { get; set; } = DefaultStateSaveInterval;

    /// <summary>Gets or sets whether gateways send the MQTT 5 user property <c>publisher</c> = their client id (needed with an external broker).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool SendPublisherProperty { get; set; } = true;

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
        if (!(Speed == 0 || (Speed >= 1 && Speed <= MaxPacedSpeed)))
        {
            yield return new ValidationResult(Invariant($"VirtualPlant:Speed is {Speed}; use 1 to {MaxPacedSpeed} (times real time), or 0 for as fast as possible."));
        }

        if (AlignToClock && (Speed != 1 || StampPlantTime))
        {
            yield return new ValidationResult("VirtualPlant:AlignToClock needs VirtualPlant:Speed 1 and no StampPlantTime: the clock it aligns to sets the pace and the stamps.");
        }

        if (StampPlantTime && Duration is null)
        {
            yield return new ValidationResult("VirtualPlant:StampPlantTime needs VirtualPlant:Duration: the replay's start is chosen so that the whole run ends by now.");
        }

        if (Duration is { } d && !(d > 0 && double.IsFinite(d)))
        {
            yield return new ValidationResult(Invariant($"VirtualPlant:Duration is {d}; use a positive number of simulated seconds, or leave it out to run until stopped."));
        }

        if (!(SampleInterval >= 0 && double.IsFinite(SampleInterval)))
        {
            yield return new ValidationResult(Invariant($"VirtualPlant:SampleInterval is {SampleInterval}; use simulated seconds > 0, or 0 to publish no measurements."));
        }

        if (!(BatchInterval > 0 && double.IsFinite(BatchInterval)))
        {
            yield return new ValidationResult(Invariant($"VirtualPlant:BatchInterval is {BatchInterval}; use simulated seconds > 0."));
        }

        if (Port is < 1 or > 65535)
        {
            yield return new ValidationResult(Invariant($"VirtualPlant:Port is {Port}; use 1 to 65535."));
        }

        if (MaxValuesPerMessage < 1)
        {
            yield return new ValidationResult(Invariant($"VirtualPlant:MaxValuesPerMessage is {MaxValuesPerMessage}; use at least 1."));
        }

        if (BufferCapacity < 1)
        {
            yield return new ValidationResult(Invariant($"VirtualPlant:BufferCapacity is {BufferCapacity}; use at least 1 message."));
        }

        if (MaxInFlight < 1)
        {
            yield return new ValidationResult(Invariant($"VirtualPlant:MaxInFlight is {MaxInFlight}; use at least 1."));
        }

        if (ReconnectDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult("VirtualPlant:ReconnectDelay must be positive, e.g. 00:00:00.5.");
        }

        if (StateSaveInterval <= TimeSpan.Zero || StateSaveInterval > MaxStateSaveInterval)
        {
            yield return new ValidationResult(Invariant($"VirtualPlant:StateSaveInterval is {StateSaveInterval}; use a positive time up to {MaxStateSaveInterval}, e.g. 00:00:02."));
        }

        if (StateFile is { } file && string.IsNullOrWhiteSpace(file))
        {
            yield return new ValidationResult("VirtualPlant:StateFile is empty; name a file (e.g. data/virtual-plant-state.json) or leave it out.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
