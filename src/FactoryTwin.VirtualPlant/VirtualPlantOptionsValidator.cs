using System.Globalization;
using Microsoft.Extensions.Options;

namespace FactoryTwin.VirtualPlant;

/// <summary>Checks <see cref="VirtualPlantOptions"/> at start-up; each failure names the option and what is allowed.</summary>
internal sealed class VirtualPlantOptionsValidator : IValidateOptions<VirtualPlantOptions>
{
    public ValidateOptionsResult Validate(string? name, VirtualPlantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Check(VirtualPlantOptions o)
    {
        var problems = new List<string>();
        if (!(o.Speed == 0 || (o.Speed >= 1 && o.Speed <= VirtualPlantOptions.MaxPacedSpeed)))
        {
            problems.Add(Invariant($"VirtualPlant:Speed is {o.Speed}; use 1 to {VirtualPlantOptions.MaxPacedSpeed} (times real time), or 0 for as fast as possible."));
        }

        if (o.AlignToClock && (o.Speed != 1 || o.StampPlantTime))
        {
            problems.Add("VirtualPlant:AlignToClock needs VirtualPlant:Speed 1 and no StampPlantTime: the clock it aligns to sets the pace and the stamps.");
        }

        if (o.StampPlantTime && o.Duration is null)
        {
            problems.Add("VirtualPlant:StampPlantTime needs VirtualPlant:Duration: the replay's start is chosen so that the whole run ends by now.");
        }

        if (o.Duration is { } d && !(d > 0 && double.IsFinite(d)))
        {
            problems.Add(Invariant($"VirtualPlant:Duration is {d}; use a positive number of simulated seconds, or leave it out to run until stopped."));
        }

        if (string.IsNullOrWhiteSpace(o.Host))
        {
            problems.Add("VirtualPlant:Host is empty; name the MQTT broker's host, e.g. 127.0.0.1.");
        }

        if (o.Port is < 1 or > 65535)
        {
            problems.Add(Invariant($"VirtualPlant:Port is {o.Port}; use 1 to 65535."));
        }

        if (!(o.SampleInterval >= 0 && double.IsFinite(o.SampleInterval)))
        {
            problems.Add(Invariant($"VirtualPlant:SampleInterval is {o.SampleInterval}; use simulated seconds > 0, or 0 to publish no measurements."));
        }

        if (!(o.BatchInterval > 0 && double.IsFinite(o.BatchInterval)))
        {
            problems.Add(Invariant($"VirtualPlant:BatchInterval is {o.BatchInterval}; use simulated seconds > 0."));
        }

        if (o.MaxValuesPerMessage < 1)
        {
            problems.Add(Invariant($"VirtualPlant:MaxValuesPerMessage is {o.MaxValuesPerMessage}; use at least 1."));
        }

        if (o.BufferCapacity < 1)
        {
            problems.Add(Invariant($"VirtualPlant:BufferCapacity is {o.BufferCapacity}; use at least 1 message."));
        }

        if (o.MaxInFlight < 1)
        {
            problems.Add(Invariant($"VirtualPlant:MaxInFlight is {o.MaxInFlight}; use at least 1."));
        }

        if (o.ReconnectDelay <= TimeSpan.Zero)
        {
            problems.Add("VirtualPlant:ReconnectDelay must be positive, e.g. 00:00:00.5.");
        }

        if (o.StateSaveInterval <= TimeSpan.Zero || o.StateSaveInterval > VirtualPlantOptions.MaxStateSaveInterval)
        {
            problems.Add(Invariant($"VirtualPlant:StateSaveInterval is {o.StateSaveInterval}; use a positive time up to {VirtualPlantOptions.MaxStateSaveInterval}, e.g. 00:00:02."));
        }

        if (o.StateFile is { } file && string.IsNullOrWhiteSpace(file))
        {
            problems.Add("VirtualPlant:StateFile is empty; name a file (e.g. data/virtual-plant-state.json) or leave it out.");
        }

        return problems;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
