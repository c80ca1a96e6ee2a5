using System.CommandLine;
using System.Text.Json;
using FactoryTwin.Cli.Commands;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class ThermalCommandTests : IDisposable
{
    private const string Case1D = """
        apiVersion: factorytwin/v1
        kind: ThermalCase
        grid:
          extent: [10 mm]
          cells: [10]
        materials:
          - id: steel
            conductivity: 50 W/(m.K)
            density: 7850 kg/m3
            specificHeat: 470 J/(kg.K)
        initialTemperature: 20 degC
        ambient: [{t: 0 s, value: 20 degC}, {t: 20 s, value: 180 degC}]
        boundaries:
          east: {type: convection, h: 100 W/(m2.K)}
        solver:
          scheme: backward-euler
          timeStep: 1 s
          endTime: 60 s
          outputInterval: 5 s
        probes:
          - { id: core, at: [0 mm] }
          - { id: surface, at: [10 mm] }

        """;

    private const string Case2D = """
        apiVersion: factorytwin/v1
        kind: ThermalCase
        grid:
          extent: [20 mm, 10 mm]
          cells: [8, 4]
        materials:
          - id: aluminium
            conductivity: 167 W/(m.K)
            density: 2700 kg/m3
            specificHeat: 896 J/(kg.K)
        initialTemperature: 100 degC
        boundaries:
          south: {type: fixed-temperature, temperature: 20 degC}
        solver:
          scheme: explicit
          endTime: 2 s
          outputInterval: 0.5 s
        probes:
          - { id: top, at: [10 mm, 10 mm] }

        """;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-thermal-").FullName;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Thermal_ValidCase_ExitsZeroWithProbeTable()
    {
        var (code, output, err) = await CliRun.RunAsync("thermal", Write("wall.yaml", Case1D));

        Assert.Equal(0, code);
        Assert.Contains("core", output, StringComparison.Ordinal);
        Assert.Contains("surface", output, StringComparison.Ordinal);
        Assert.Contains("final (°C)", output, StringComparison.Ordinal);

        // redirected: plain progress lines on stderr
        Assert.Contains("thermal wall: 100%", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thermal_Csv_HasTimeAndOneColumnPerProbe_OneRowPerOutput()
    {
        var csv = Path.Combine(_dir, "probes.csv");

        var (code, _, _) = await CliRun.RunAsync("thermal", Write("wall.yaml", Case1D), "--csv", csv);

        Assert.Equal(0, code);
        var lines = await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken);
        Assert.Equal("time_s,core_degC,surface_degC", lines[0]);
        Assert.Equal(1 + 13, lines.Length); // header + t = 0, 5, …, 60
        Assert.Equal("0,20,20", lines[1]);
        var last = lines[^1].Split(',');
        Assert.Equal("60", last[0]);
        var surface = double.Parse(last[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(surface, 20.5, 180);
    }

    [Fact]
    public async Task Thermal_Plot1D_WritesOnePng()
    {
        var png = Path.Combine(_dir, "wall.png");

        var (code, _, _) = await CliRun.RunAsync("thermal", Write("wall.yaml", Case1D), "--plot", png);

        Assert.Equal(0, code);
        AssertPng(png);
        Assert.False(File.Exists(Path.Combine(_dir, "wall-field.png")));
    }

    [Fact]
    public async Task Thermal_Plot2D_AlsoWritesTheFieldHeatmap()
    {
        var png = Path.Combine(_dir, "plate.png");

        var (code, output, _) = await CliRun.RunAsync("thermal", Write("plate.yaml", Case2D), "--plot", png, "--output", "json");

        Assert.Equal(0, code);
        AssertPng(png);
        AssertPng(Path.Combine(_dir, "plate-field.png"));
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetProperty("plots").GetArrayLength());
    }

    [Fact]
    public async Task Thermal_Json_HasCaseProbesAndPaths()
    {
        var csv = Path.Combine(_dir, "p.csv");

        var (code, output, _) = await CliRun.RunAsync("thermal", Write("wall.yaml", Case1D), "--output", "json", "--csv", csv);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal(0, root.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(csv, root.GetProperty("csv").GetString());
        var c = root.GetProperty("case");
        Assert.Equal("wall", c.GetProperty("name").GetString());
        Assert.Equal(1, c.GetProperty("dimensions").GetInt32());
        Assert.Equal("backward-euler", c.GetProperty("scheme").GetString());
        Assert.Equal("cpu", c.GetProperty("backend").GetString());
        Assert.Equal(60, c.GetProperty("steps").GetInt64());
        Assert.Equal(13, c.GetProperty("outputs").GetInt32());
        var probes = root.GetProperty("probes");
        Assert.Equal(2, probes.GetArrayLength());
        var surface = probes[1];
        Assert.Equal("surface", surface.GetProperty("id").GetString());
        Assert.Equal(0.01, surface.GetProperty("at")[0].GetDouble(), 12);
        Assert.True(surface.GetProperty("finalCelsius").GetDouble() > probes[0].GetProperty("finalCelsius").GetDouble());
        Assert.Equal(20.0, surface.GetProperty("minCelsius").GetDouble(), 9);
        Assert.Equal(60.0, surface.GetProperty("timeOfMaxSeconds").GetDouble());
    }

    [Fact]
    public async Task Thermal_InvalidCase_ExitsOneWithDiagnostics()
    {
        var path = Write("bad.yaml", Case1D.Replace("cells: [10]", "cells: [0]", StringComparison.Ordinal));

        var (code, output, _) = await CliRun.RunAsync("thermal", path);

        Assert.Equal(1, code);
        Assert.Contains($"{path}:5:11: error out-of-range:", output, StringComparison.Ordinal);
        Assert.Contains("is invalid: 1 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thermal_InvalidCaseJson_ListsDiagnostics()
    {
        var path = Write("bad.yaml", Case1D.Replace("at: [10 mm]", "at: [11 mm]", StringComparison.Ordinal));

        var (code, output, _) = await CliRun.RunAsync("thermal", path, "-o", "json");

        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        var d = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(22, d.GetProperty("line").GetInt32());
        Assert.Equal(25, d.GetProperty("column").GetInt32());
        Assert.Equal("out-of-range", d.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("--output", "xml")]
    [InlineData("--csv", "probes.txt")]
    [InlineData("--plot", "figure.svg")]
    [InlineData("--plot", "/no/such/folder/figure.png")]
    [InlineData("--frobnicate", "1")]
    public async Task Thermal_BadOption_ExitsTwo(string option, string value)
    {
        var (code, _, err) = await CliRun.RunAsync("thermal", Write("wall.yaml", Case1D), option, value);

        Assert.Equal(2, code);
        Assert.Contains("error:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thermal_MissingFile_ExitsTwo()
    {
        var (code, _, err) = await CliRun.RunAsync("thermal", Path.Combine(_dir, "none.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchThermal_SmallGrid_PrintsRateBandwidthAndRatio()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { BenchThermal.Create(stdout, stderr) };

        var code = await root.Parse(["thermal", "--size", "64", "--steps", "2", "--output", "json"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout.ToString());
        var r = doc.RootElement;
        Assert.Equal(64, r.GetProperty("size").GetInt32());
        Assert.True(r.GetProperty("cellUpdatesPerSecondMillions").GetDouble() > 0);
        Assert.True(r.GetProperty("triadBandwidthGBs").GetDouble() > 0);
        Assert.True(r.GetProperty("ratio").GetDouble() > 0);
        Assert.Equal(16, r.GetProperty("bytesPerUpdate").GetDouble());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), path);
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000);
        Assert.Equal(PngSignature, bytes[..8]);
    }
}
