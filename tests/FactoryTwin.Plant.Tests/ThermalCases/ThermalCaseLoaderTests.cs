using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Plant.ThermalCases;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Plant.Tests.ThermalCases;

public sealed class ThermalCaseLoaderTests
{
    [Fact]
    public void Parse_ValidCase_ProducesTheCaseInSiUnits()
    {
        var result = ThermalCaseLoader.Parse(ThermalCaseText.Valid, "case.yaml");

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var c = result.Case!;
        Assert.Equal("case", c.Name);
        Assert.Equal(1, c.Dimensions);
        Assert.Equal(40, c.Grid.Nx);
        Assert.Equal(0.0005, c.Grid.Dx, 12);
        Assert.Equal(293.15, c.InitialTemperature, 9);
        Assert.Equal(TimeScheme.BackwardEuler, c.Scheme);
        Assert.Equal(1.0, c.TimeStep);
        Assert.Equal(600.0, c.EndTime);
        Assert.Equal(61, c.OutputTimes().Count);
        Assert.Equal(["surface", "core"], c.Probes.Select(p => p.Id));
        Assert.Equal(0.02, c.Probes[0].At.X, 12);
        var east = c.Boundaries[BoundaryFace.East];
        Assert.Equal(BoundaryKind.ConvectionRadiation, east.Kind);
        Assert.Equal(25.0, east.HeatTransferCoefficient.ValueAt(0));
        Assert.Equal(273.15 + 100, east.Value.ValueAt(300), 9);
        Assert.Equal(BoundaryKind.Insulated, c.Boundaries[BoundaryFace.West].Kind);
    }

    [Theory]
    [InlineData("steel-panel-oven.yaml", 1)]
    [InlineData("plate-2d-convection.yaml", 2)]
    [InlineData("plane-wall-analytic.yaml", 1)]
    public void LoadFile_Samples_AreValid(string name, int dimensions)
    {
        var result = ThermalCaseLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "thermal", name));

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(dimensions, result.Case!.Dimensions);
        Assert.NotEmpty(result.Case.Probes);
    }

    [Fact]
    public void CreateProblem_Regions_AssignMaterialsByCellCentre()
    {
        var text = ThermalCaseText.With("    to: [5 mm]", "    to: [5 mm]\n  - material: coat\n    from: [1 mm]\n    to: [2 mm]")
            .Replace("materials:\n", "materials:\n  - id: coat\n    conductivity: 0.2 W/(m.K)\n    density: 1200 kg/m3\n    specificHeat: 1500 J/(kg.K)\n", StringComparison.Ordinal);
        var result = ThermalCaseLoader.Parse(text);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));

        // the first material (coat) fills the domain; region 1 makes 0..5 mm steel, region 2 makes 1..2 mm coat again
        var problem = result.Case!.CreateProblem();
        var k = problem.Conductivity;
        Assert.Equal(50.0, k[0]);          // centre 0.25 mm
        Assert.Equal(0.2, k[2]);           // centre 1.25 mm
        Assert.Equal(0.2, k[3]);           // centre 1.75 mm
        Assert.Equal(50.0, k[4]);          // centre 2.25 mm
        Assert.Equal(50.0, k[9]);          // centre 4.75 mm
        Assert.Equal(0.2, k[10]);          // centre 5.25 mm: outside the steel box
    }

    [Theory]
    // physically meaningless values
    [InlineData("conductivity: 50 W/(m.K)", "conductivity: 0 W/(m.K)", 8, 19, DiagnosticCode.OutOfRange, "conductivity is 0 W/(m.K), but it must be greater than 0")]
    [InlineData("density: 7850 kg/m3", "density: -7850 kg/m3", 9, 14, DiagnosticCode.OutOfRange, "density is -7850 kg/m3, but it must be greater than 0")]
    [InlineData("specificHeat: 470 J/(kg.K)", "specificHeat: 0 J/(kg.K)", 10, 19, DiagnosticCode.OutOfRange, "specificHeat is 0 J/(kg.K), but it must be greater than 0")]
    [InlineData("cells: [40]", "cells: [0]", 5, 11, DiagnosticCode.OutOfRange, "every dimension needs at least 1 cell")]
    [InlineData("at: [20 mm]", "at: [30 mm]", 27, 10, DiagnosticCode.OutOfRange, "probe 'surface': x = 30 mm lies outside the domain, which spans x from 0 to 20 mm")]
    [InlineData("endTime: 10 min", "endTime: 0 s", 23, 12, DiagnosticCode.OutOfRange, "solver: endTime is 0 s, but it must be greater than 0")]
    [InlineData("endTime: 10 min", "endTime: -5 min", 23, 12, DiagnosticCode.OutOfRange, "must be greater than 0")]
    [InlineData("to: [5 mm]", "to: [25 mm]", 14, 10, DiagnosticCode.OutOfRange, "region #1: x = 25 mm lies outside the domain")]
    [InlineData("from: [0 mm]", "from: [-1 mm]", 13, 12, DiagnosticCode.OutOfRange, "region #1: x = -1 mm lies outside the domain")]
    [InlineData("from: [0 mm]", "from: [5 mm]", 14, 5, DiagnosticCode.OutOfRange, "'to' must be greater than 'from'")]
    [InlineData("extent: [20 mm]", "extent: [0 mm]", 4, 12, DiagnosticCode.OutOfRange, "extent is 0 mm, but it must be greater than 0")]
    [InlineData("initialTemperature: 20 degC", "initialTemperature: -300 degC", 15, 21, DiagnosticCode.OutOfRange, "must be greater than 0")]
    // shape, units, names
    [InlineData("conductivity: 50 W/(m.K)", "conductivty: 50 W/(m.K)", 8, 5, DiagnosticCode.UnknownField, "material 'steel' has no field 'conductivty'. Did you mean 'conductivity'?")]
    [InlineData("conductivity: 50 W/(m.K)", "conductivity: 50 W/m2", 8, 19, DiagnosticCode.InvalidUnit, "but a thermal conductivity is needed here")]
    [InlineData("scheme: backward-euler", "scheme: backward-eular", 21, 11, DiagnosticCode.InvalidValue, "Did you mean 'backward-euler'?")]
    [InlineData("  - material: steel", "  - material: steal", 12, 15, DiagnosticCode.UnknownReference, "no material 'steal' is declared. Did you mean 'steel'?")]
    [InlineData("kind: ThermalCase", "kind: Plant", 2, 7, DiagnosticCode.InvalidValue, "kind 'Plant' is not a thermal case")]
    [InlineData("apiVersion: factorytwin/v1", "apiVersion: factorytwin/v2", 1, 13, DiagnosticCode.UnsupportedVersion, "is not supported")]
    [InlineData("  west: insulated", "  north: insulated", 18, 3, DiagnosticCode.InvalidValue, "a 1-D grid has no face 'north'; its faces are west, east")]
    [InlineData("  west: insulated", "  west: convection", 18, 9, DiagnosticCode.InvalidValue, "a convection boundary needs parameters")]
    [InlineData("east: {type: convection, h: 25 W/(m2.K)}", "east: {type: convection, h: -25 W/(m2.K)}", 19, 31, DiagnosticCode.OutOfRange, "h is -25 W/(m2.K), but it must be 0 or more")]
    [InlineData("east: {type: convection, h: 25 W/(m2.K)}", "east: {type: fixed-temperature, h: 25 W/(m2.K)}", 19, 9, DiagnosticCode.MissingField, "boundary 'east' is missing required field 'temperature'")]
    [InlineData("east: {type: convection, h: 25 W/(m2.K)}", "east: {type: radiation, emissivity: 1.5}", 19, 39, DiagnosticCode.InvalidProbability, "emissivity is 1.5")]
    [InlineData("{t: 10 min, value: 180 degC}", "{t: 0 s, value: 180 degC}", 16, 38, DiagnosticCode.OutOfRange, "the times of 'ambient' must increase")]
    [InlineData("{t: 10 min, value: 180 degC}", "{t: 10 min, value: 180 mm}", 16, 56, DiagnosticCode.InvalidUnit, "is a length, but a temperature is needed here")]
    [InlineData("at: [0 mm]", "at: [0 mm, 1 mm]", 29, 9, DiagnosticCode.InvalidValue, "'at' has 2 coordinate(s), but the grid has 1 dimension(s)")]
    [InlineData("  - id: core", "  - id: surface", 28, 9, DiagnosticCode.DuplicateId, "duplicate probe id 'surface': it is already declared at line 26")]
    [InlineData("  scheme: backward-euler\n  timeStep: 1 s", "  scheme: backward-euler", 21, 3, DiagnosticCode.MissingField, "the backward-euler scheme is unconditionally stable but needs a time step")]
    [InlineData("  timeStep: 1 s", "  timeStep: 1 s\n  backend: cuda", 23, 12, DiagnosticCode.InvalidValue, "the cuda backend runs the explicit scheme only")]
    [InlineData("cells: [40]", "cells: [40, 2]", 5, 3, DiagnosticCode.InvalidValue, "cells has 2 value(s) but extent has 1")]
    [InlineData("  to: [5 mm]", "  to: [0.1 mm]", 12, 5, DiagnosticCode.OutOfRange, "region #1 contains no cell centre")]
    public void Parse_BadInput_ReportsFileLineColumn(string find, string replace, int line, int column, DiagnosticCode code, string message)
    {
        var result = ThermalCaseLoader.Parse(ThermalCaseText.With(find, replace), "bad.yaml");

        Assert.False(result.Success);
        var match = result.Diagnostics.FirstOrDefault(d => d.Code == code && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(match is not null, "no diagnostic like '" + message + "' in:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(new SourceLocation("bad.yaml", line, column), match.Location);
        Assert.StartsWith($"bad.yaml:{line}:{column}: error ", match.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredFields_NamesEachAtTheMapping()
    {
        var text = ThermalCaseText.With("initialTemperature: 20 degC\n", string.Empty).Replace("  endTime: 10 min\n", string.Empty, StringComparison.Ordinal);

        var result = ThermalCaseLoader.Parse(text, "bad.yaml");

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.MissingField && d.Location == new SourceLocation("bad.yaml", 1, 1) && d.Message.Contains("'initialTemperature'", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.MissingField && d.Location == new SourceLocation("bad.yaml", 20, 3) && d.Message.Contains("'endTime'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ConvectionWithoutAnyAmbient_IsRefused()
    {
        var text = ThermalCaseText.With("ambient: [{t: 0 s, value: 20 degC}, {t: 10 min, value: 180 degC}]\n", string.Empty);

        var result = ThermalCaseLoader.Parse(text, "bad.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation("bad.yaml", 18, 9), d.Location);
        Assert.Contains("boundary 'east' needs an ambient temperature", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnstableExplicitStep_IsRefusedNamingTheBound()
    {
        // steel, dx = 0.5 mm, alpha = 1.355e-5 m²/s: the interior bound dx²/(2·alpha) is 9.2 ms, the convective face tightens it a little
        var text = ThermalCaseText.With("scheme: backward-euler", "scheme: explicit");

        var result = ThermalCaseLoader.Parse(text, "bad.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCode.OutOfRange, d.Code);
        Assert.Equal(new SourceLocation("bad.yaml", 22, 13), d.Location);
        Assert.Contains("timeStep 1 s is above the explicit stability bound", d.Message, StringComparison.Ordinal);
        Assert.Contains("= 0.009", d.Message, StringComparison.Ordinal);
        Assert.Contains("alpha*dt/dx^2 <= 1/(2d)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExplicitWithoutStep_IsAccepted()
    {
        var text = ThermalCaseText.With("scheme: backward-euler\n  timeStep: 1 s\n", "scheme: explicit\n");

        var result = ThermalCaseLoader.Parse(text);

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Null(result.Case!.TimeStep);
    }

    [Fact]
    public void Parse_YamlSyntaxError_HasItsPosition()
    {
        var result = ThermalCaseLoader.Parse(ThermalCaseText.With("  cells: [40]", "  cells: [40"), "bad.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCode.YamlSyntax, d.Code);
        Assert.Equal("bad.yaml", d.Location.File);
        Assert.InRange(d.Location.Line, 5, 6);
    }

    [Fact]
    public void LoadFile_Missing_IsAFileError()
    {
        var result = ThermalCaseLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "no-such-case.yaml"));

        Assert.Equal(DiagnosticCode.FileError, Assert.Single(result.Diagnostics).Code);
    }
}
