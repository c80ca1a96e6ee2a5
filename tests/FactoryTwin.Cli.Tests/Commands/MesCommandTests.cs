using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using FactoryTwin.Historian;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Schemas;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class MesCommandTests : IDisposable
{
    private static readonly XNamespace B2mml = B2mmlSchemas.Namespace;
    private readonly string _data = Directory.CreateTempSubdirectory("ft-cli-mes-").FullName;

    private static string SamplePath => Path.Combine(RepositoryPaths.Root(), "samples", "mes", "automotive-schedule.xml");

    private static string Plant => CliRun.Sample("automotive.yaml");

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Import_Sample_MakesItTheActiveScheduleOfTheDataFolder()
    {
        var (code, output, _) = await CliRun.RunAsync("mes", "import", SamplePath, "--plant", Plant, "--data-folder", _data);

        Assert.Equal(0, code);
        Assert.Contains("8 orders, 340 bodies", output, StringComparison.Ordinal);
        Assert.Contains("LAK-1005", output, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(SamplePath, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(_data, "mes", "schedule.xml"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_UnknownColour_ExitsOneWithFileLinePositionAndStoresNothing()
    {
        var bad = Path.Combine(_data, "bad.xml");
        await File.WriteAllTextAsync(bad, (await File.ReadAllTextAsync(SamplePath, TestContext.Current.CancellationToken)).Replace(">grey<", ">gray<", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("mes", "import", bad, "--plant", Plant, "--data-folder", _data);

        Assert.Equal(1, code);
        Assert.Matches(@"bad\.xml:\d+:\d+: error unknown-colour: Order 'LAK-1004': the plant has no colour 'gray'", output);
        Assert.Contains("Nothing was imported", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_data, "mes")) && File.Exists(Path.Combine(_data, "mes", "schedule.xml")));
    }

    [Fact]
    public async Task Import_JsonOutput_ListsEveryProblem()
    {
        var bad = Path.Combine(_data, "bad.xml");
        await File.WriteAllTextAsync(bad, (await File.ReadAllTextAsync(SamplePath, TestContext.Current.CancellationToken)).Replace("<QuantityString>25<", "<QuantityString>-25<", StringComparison.Ordinal).Replace(">grey<", ">gray<", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("mes", "import", bad, "--plant", Plant, "--data-folder", _data, "--output", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("imported").GetBoolean());
        Assert.Equal(["unknown-colour", "invalid-quantity"], json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwo()
    {
        var (code, _, error) = await CliRun.RunAsync("mes", "import", Path.Combine(_data, "none.xml"), "--plant", Plant, "--data-folder", _data);

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ShiftFromTheDataFoldersHistorian_CountsEachOrdersBodiesWithTheKeptCureVerdictsAndIsSchemaValid()
    {
        // The sample's Monday early shift: two white sedans of LAK-1001 and one black SUV of LAK-1002 leave the body line.
        var shift = new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);
        var parts = new List<PartEvent>();
        long seq = 0;
        void Part(string asset, double minutes, PartEventKind kind, string body, string variant, string colour) =>
            parts.Add(new PartEvent(new AssetId(asset), shift.AddMinutes(minutes), kind, body, new VariantId(variant), new ColourId(colour), seq++));
        foreach (var (body, variant, colour, at) in new[] { ("m1", "sedan", "white", 1.0), ("m2", "suv", "black", 2.0), ("m3", "sedan", "white", 3.0) })
        {
            Part("body-release", at, PartEventKind.Enter, body, variant, colour);
            Part("biw-store", at + 60, PartEventKind.Exit, body, variant, colour);
            Part("pretreatment", at + 60, PartEventKind.Enter, body, variant, colour);
        }

        await using (var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = _data }))
        {
            await historian.AppendAsync(new TelemetryBatch([], parts), TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, (await CliRun.RunAsync("mes", "import", SamplePath, "--plant", Plant, "--data-folder", _data)).ExitCode);
        var file = Path.Combine(_data, "early.xml");

        // The server kept the twin's verdict of m2, which left the top-coat oven, beside the schedule.
        new CureVerdictFile(Path.Combine(_data, "mes"), 100).Append([new BodyQuality("m2", new AssetId("topcoat-oven"), "under-cured", -0.125, "roof", shift.AddMinutes(400))]);

        var (code, _, error) = await CliRun.RunAsync("mes", "export", "--shift", "2026-12-07/early", "--now", "2026-12-07T15:00:00+01:00", "--plant", Plant, "--data-folder", _data, "--out", file);

        Assert.Equal(0, code);
        Assert.Contains("2026-12-07/early", error, StringComparison.Ordinal);
        var xml = XDocument.Load(file);
        Assert.Empty(B2mmlValidator.Validate(xml));
        var produced = xml.Descendants(B2mml + "SegmentResponse").ToDictionary(
            s => s.Element(B2mml + "ID")!.Value,
            s => int.Parse(s.Elements(B2mml + "MaterialActual").First().Element(B2mml + "Quantity")!.Element(B2mml + "QuantityString")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(new Dictionary<string, int> { ["LAK-1001/body"] = 2, ["LAK-1002/body"] = 1 }, produced);
        Dictionary<string, string> Data(string body) => xml.Descendants(B2mml + "SegmentData").Single(d => d.Element(B2mml + "ID")!.Value == body)
            .Elements(B2mml + "SegmentData").ToDictionary(d => d.Element(B2mml + "ID")!.Value, d => d.Element(B2mml + "Value")!.Element(B2mml + "ValueString")!.Value);
        Assert.Equal(("under-cured", "twin", "-0.125", "roof", "topcoat-oven"), (Data("m2")["cure-verdict"], Data("m2")["cure-source"], Data("m2")["cure-index"], Data("m2")["worst-point"], Data("m2")["oven"]));
        Assert.Equal(("not-predicted", "none"), (Data("m1")["cure-verdict"], Data("m1")["cure-source"]));
    }

    [Fact]
    public async Task Export_BadShift_ExitsTwoNamingIt()
    {
        Assert.Equal(0, (await CliRun.RunAsync("mes", "import", SamplePath, "--plant", Plant, "--data-folder", _data)).ExitCode);

        var (code, _, error) = await CliRun.RunAsync("mes", "export", "--shift", "someday", "--plant", Plant, "--data-folder", _data);

        Assert.Equal(2, code);
        Assert.Contains("shift 'someday'", error, StringComparison.Ordinal);
    }
}
