using FactoryTwin.Fuzz;

namespace FactoryTwin.Model.Tests.Loading;

/// <summary>
/// Replays the plant fuzz target's seed corpus (fuzz/corpus/plant) and every input AFL++ found to crash or hang the loader
/// (fuzz/regressions/plant) through the same target code: each must load or be refused with diagnostics, never throw.
/// </summary>
public sealed class FuzzInputTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "corpus", "regressions" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, "fuzz", folder, "plant");
            foreach (var file in Directory.Exists(path) ? [.. Directory.GetFiles(path).Order(StringComparer.Ordinal)] : Array.Empty<string>())
            {
                data.Add(folder + "/" + Path.GetFileName(file));
            }
        }

        return data;
    }

    [Fact]
    public void Inputs_CorpusAndRegressions_AreThere()
    {
        Assert.Contains(Inputs(), i => i.Data.StartsWith("corpus/", StringComparison.Ordinal));
        Assert.Contains(Inputs(), i => i.Data.StartsWith("regressions/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parse_FuzzInput_LoadsOrReportsDiagnostics(string input)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fuzz", input.Split('/')[0], "plant", input.Split('/')[1]));

        var result = PlantTarget.Run(bytes);

        Assert.True(result.Success || result.Diagnostics.Count > 0, "a refused file says why");
        Assert.All(result.Diagnostics, d => Assert.True(d.Location.Line >= 1, d.ToString()));
    }
}
