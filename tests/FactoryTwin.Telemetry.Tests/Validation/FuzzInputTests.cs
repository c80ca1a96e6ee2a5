using FactoryTwin.Fuzz;
using FactoryTwin.Telemetry.Tests.TestSupport;
using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry.Tests.Validation;

/// <summary>
/// Replays the telemetry fuzz target's seed corpus (fuzz/corpus/telemetry) and every input AFL++ found to crash or hang
/// the decoder or validator (fuzz/regressions/telemetry) through the same target code: each is accepted, partly accepted
/// or rejected, never an exception.
/// </summary>
public sealed class FuzzInputTests : IDisposable
{
    private readonly TelemetryTarget _target = new(TestPlants.Automotive);

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "corpus", "regressions" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, "fuzz", folder, "telemetry");
            foreach (var file in Directory.Exists(path) ? [.. Directory.GetFiles(path).Order(StringComparer.Ordinal)] : Array.Empty<string>())
            {
                data.Add(folder + "/" + Path.GetFileName(file));
            }
        }

        return data;
    }

    [Fact]
    public void Seeds_OneOfEachKind_AreAccepted()
    {
        foreach (var seed in new[] { "state.txt", "count.txt", "measure.txt", "part.txt" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fuzz", "corpus", "telemetry", seed));

            Assert.Equal(MessageOutcome.Accepted, _target.Run(bytes));
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Validate_FuzzInput_GivesAnOutcome(string input)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fuzz", input.Split('/')[0], "telemetry", input.Split('/')[1]));

        var outcome = _target.Run(bytes);

        Assert.True(Enum.IsDefined(outcome), outcome.ToString());
    }

    public void Dispose() => _target.Dispose();
}
