using System.Globalization;
using FactoryTwin.Model.Diagnostics;
using PlantModel = FactoryTwin.Model.Plants.PlantModel;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;
using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;
using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>Reads a thermal case file's node tree into a <see cref="ThermalCase"/>, collecting every problem.</summary>
internal sealed partial class ThermalCaseReader(MappingReader root)
{
    private static readonly string[] AxisNames = ["x", "y", "z"];

    private readonly Dictionary<string, (Material Material, SourceLocation Location)> _materials = new(StringComparer.Ordinal);

    private DiagnosticBag Bag => root.Diagnostics;

    private string File => root.File;

    public ThermalCase? Read()
    {
        var version = root.Scalar("apiVersion", required: true, hint: $"'apiVersion: {PlantModel.CurrentApiVersion}' as the first line");
        if (version is { } v && !string.Equals(v.Value, PlantModel.CurrentApiVersion, StringComparison.Ordinal))
        {
            Bag.Error(v.Location, DiagnosticCode.UnsupportedVersion, $"apiVersion '{v.Value}' is not supported: this version of FactoryTwin reads '{PlantModel.CurrentApiVersion}'.");
        }

        var kind = root.Scalar("kind", required: true, hint: $"'kind: {ThermalCaseLoader.Kind}'");
        if (kind is { } k && !string.Equals(k.Value, ThermalCaseLoader.Kind, StringComparison.Ordinal))
        {
            Bag.Error(k.Location, DiagnosticCode.InvalidValue, $"the thermal case: kind '{k.Value}' is not a thermal case; write 'kind: {ThermalCaseLoader.Kind}' (plant files have no 'kind').");
        }

        var name = root.Text("name") ?? Path.GetFileNameWithoutExtension(File);
        var description = root.Text("description");
        var grid = ReadGrid();
        ReadMaterials();
        var defaultMaterial = root.Id("material", required: false);
        if (defaultMaterial is { } dm)
        {
            CheckMaterialReference(dm, "the thermal case");
        }

        var initial = root.Quantity("initialTemperature", QuantityKind.Temperature, required: true, ValueRange.Positive);
        var source = root.Quantity("source", ThermalQuantities.VolumetricSource) ?? 0.0;
        var ambientNode = root.Value("ambient");
        var ambient = ambientNode is null ? null : ReadSchedule(root, ambientNode, "ambient", QuantityKind.Temperature, ValueRange.Positive);
        var regions = ReadRegions(grid);
        var boundaries = ReadBoundaries(grid?.Dimensions ?? 3, ambient, ambientNode is not null);
        var solver = ReadSolver();
        var probes = ReadProbes(grid);
        root.Finish();

        if (Bag.HasErrors || grid is not { } g || initial is not { } t0 || solver is not { } s || _materials.Count == 0 || boundaries is null)
        {
            return null;
        }

        var result = new ThermalCase
        {
            Name = name,
            Description = description,
            Grid = g.Grid,
            Dimensions = g.Dimensions,
            Materials = [.. _materials.Select(m => new ThermalCaseMaterial(m.Key, m.Value.Material))],
            DefaultMaterialId = defaultMaterial?.Value ?? _materials.Keys.First(),
            Regions = regions,
            InitialTemperature = t0,
            Source = source,
            Ambient = ambient,
            Boundaries = boundaries,
            Scheme = s.Scheme,
            TimeStep = s.TimeStep,
            EndTime = s.EndTime,
            OutputInterval = s.OutputInterval,
            Backend = s.Backend,
            Probes = probes,
        };
        CheckStability(result, s);
        return Bag.HasErrors ? null : result;
    }

    /// <summary>Refuses an explicit time step above the FTCS stability bound, naming the bound.</summary>
    private void CheckStability(ThermalCase c, SolverSettings s)
    {
        if (c.Scheme != TimeScheme.Explicit || c.TimeStep is not { } dt)
        {
            return;
        }

        // The bound depends on the grid, the materials and the boundary conductances at the start: let the engine compute it.
        using var probe = HeatSolver.Create(c.CreateProblem(), new HeatSolverOptions { Scheme = TimeScheme.Explicit, Backend = HeatBackend.Cpu });
        var limit = probe.StableTimeStep;
        if (dt > limit * (1.0 + 1e-12))
        {
            Bag.Error(s.TimeStepLocation, DiagnosticCode.OutOfRange, string.Create(
                CultureInfo.InvariantCulture,
                $"solver: timeStep {dt:G4} s is above the explicit stability bound dt <= 1/max_i[(sum of face conductances + boundary conductance)/(rho*c)]_i = {limit:G4} s (alpha*dt/dx^2 <= 1/(2d) for an interior cell). Use 'timeStep: {FloorNice(limit)} s' or less, omit timeStep to let the solver choose, or use an implicit scheme (backward-euler, crank-nicolson)."));
        }
    }

    private static string FloorNice(double limit)
    {
        // two significant digits, rounded down so that the suggestion is stable
        var scale = Math.Pow(10, Math.Floor(Math.Log10(limit)) - 1);
        return (Math.Floor(limit / scale) * scale).ToString("G2", CultureInfo.InvariantCulture);
    }

    private GridInfo? ReadGrid()
    {
        var r = root.Mapping("grid", "the grid", required: true);
        if (r is null)
        {
            return null;
        }

        var extent = r.ScalarList("extent", required: true);
        var cells = r.ScalarList("cells", required: true);
        r.Finish();
        var lengths = new List<double>();
        foreach (var e in extent)
        {
            if (ParseQuantity(r, e, "extent", QuantityKind.Length, ValueRange.Positive) is { } l)
            {
                lengths.Add(l);
            }
        }

        var counts = new List<int>();
        foreach (var c in cells)
        {
            if (!int.TryParse(c.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                Bag.Error(c.Location, DiagnosticCode.InvalidValue, $"the grid: cells must be whole numbers, not '{c.Value}'.");
            }
            else if (n < 1)
            {
                Bag.Error(c.Location, DiagnosticCode.OutOfRange, $"the grid: cells is {c.Value}, but every dimension needs at least 1 cell.");
            }
            else
            {
                counts.Add(n);
            }
        }

        if (extent.Count is 0 or > 3)
        {
            if (extent.Count > 3)
            {
                Bag.Error(extent[3].Location, DiagnosticCode.InvalidValue, "the grid: extent has more than 3 values; write [x], [x, y] or [x, y, z].");
            }

            return null;
        }

        if (cells.Count != 0 && cells.Count != extent.Count)
        {
            Bag.Error(r.KeyLocation("cells"), DiagnosticCode.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"the grid: cells has {cells.Count} value(s) but extent has {extent.Count}; give one cell count per dimension."));
            return null;
        }

        if (lengths.Count != extent.Count || counts.Count != extent.Count)
        {
            return null;
        }

        var dims = extent.Count;
        long total = 1;
        foreach (var n in counts)
        {
            total *= n;
        }

        if (total > int.MaxValue / 2)
        {
            Bag.Error(r.KeyLocation("cells"), DiagnosticCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"the grid: {total} cells are too many (at most {int.MaxValue / 2})."));
            return null;
        }

        var grid = dims switch
        {
            1 => Grid.Create1D(counts[0], lengths[0]),
            2 => Grid.Create2D(counts[0], counts[1], lengths[0], lengths[1]),
            _ => Grid.Create3D(counts[0], counts[1], counts[2], lengths[0], lengths[1], lengths[2]),
        };
        return new GridInfo(grid, dims, new ThermalPoint(lengths[0], dims > 1 ? lengths[1] : 0.0, dims > 2 ? lengths[2] : 0.0));
    }

    private void ReadMaterials()
    {
        var list = root.MappingList("materials", i => $"material #{i + 1}", required: true);
        foreach (var r in list)
        {
            var id = r.Id("id");
            if (id is { } named)
            {
                r.Context = $"material '{named.Value}'";
            }

            var k = r.Quantity("conductivity", QuantityKind.ThermalConductivity, required: true, ValueRange.Positive);
            var rho = r.Quantity("density", QuantityKind.Density, required: true, ValueRange.Positive);
            var c = r.Quantity("specificHeat", QuantityKind.SpecificHeat, required: true, ValueRange.Positive);
            r.Finish();
            if (id is not { } mid)
            {
                continue;
            }

            if (_materials.TryGetValue(mid.Value, out var first))
            {
                Bag.Error(mid.Location, DiagnosticCode.DuplicateId, $"duplicate material id '{mid.Value}': it is already declared at line {first.Location.Line}; ids must be unique.");
                continue;
            }

            if (k is { } kv && rho is { } rv && c is { } cv)
            {
                _materials[mid.Value] = (new Material(kv, rv, cv), mid.Location);
            }
        }
    }

    private bool CheckMaterialReference(Located<string> id, string context)
    {
        if (_materials.ContainsKey(id.Value))
        {
            return true;
        }

        Bag.Error(id.Location, DiagnosticCode.UnknownReference, $"{context}: no material '{id.Value}' is declared.{Suggestions.DidYouMean(id.Value, _materials.Keys)}");
        return false;
    }

    private List<ThermalRegion> ReadRegions(GridInfo? grid)
    {
        var result = new List<ThermalRegion>();
        foreach (var r in root.MappingList("regions", i => $"region #{i + 1}"))
        {
            var material = r.Id("material");
            var from = ReadPoint(r, "from", grid, required: true);
            var to = ReadPoint(r, "to", grid, required: true);
            var source = r.Quantity("source", ThermalQuantities.VolumetricSource);
            r.Finish();
            var known = material is { } m && CheckMaterialReference(m, r.Context);
            if (from is not { } a || to is not { } b || !known || grid is not { } g)
            {
                continue;
            }

            var dims = g.Dimensions;
            var ordered = true;
            for (var d = 0; d < dims; d++)
            {
                if (!(Axis(b, d) > Axis(a, d)))
                {
                    Bag.Error(r.KeyLocation("to"), DiagnosticCode.OutOfRange, $"{r.Context}: 'to' must be greater than 'from' along {AxisNames[d]}.");
                    ordered = false;
                }
            }

            if (!ordered)
            {
                continue;
            }

            var region = new ThermalRegion(material!.Value.Value, a, b, source);
            if (!ContainsAnyCell(g, region))
            {
                Bag.Error(r.Location, DiagnosticCode.OutOfRange, $"{r.Context} contains no cell centre: it is thinner than a cell of the grid; enlarge it or refine the grid.");
                continue;
            }

            result.Add(region);
        }

        return result;
    }

    private static bool ContainsAnyCell(GridInfo g, ThermalRegion region)
    {
        // cell centres along each axis are (i + 0.5)·Δ: the box holds one when some centre lies in [from, to] on every axis
        var grid = g.Grid;
        return HasCentre(region.From.X, region.To.X, grid.Nx, grid.Dx)
            && (g.Dimensions < 2 || HasCentre(region.From.Y, region.To.Y, grid.Ny, grid.Dy))
            && (g.Dimensions < 3 || HasCentre(region.From.Z, region.To.Z, grid.Nz, grid.Dz));
    }

    private static bool HasCentre(double from, double to, int n, double delta)
    {
        var first = Math.Max(0, (int)Math.Ceiling((from / delta) - 0.5));
        return first < n && (first + 0.5) * delta <= to;
    }

    private List<ThermalProbe> ReadProbes(GridInfo? grid)
    {
        var result = new List<ThermalProbe>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var r in root.MappingList("probes", i => $"probe #{i + 1}"))
        {
            var id = r.Id("id");
            if (id is { } named)
            {
                r.Context = $"probe '{named.Value}'";
            }

            var at = ReadPoint(r, "at", grid, required: true);
            r.Finish();
            if (id is not { } pid)
            {
                continue;
            }

            if (seen.TryGetValue(pid.Value, out var first))
            {
                Bag.Error(pid.Location, DiagnosticCode.DuplicateId, $"duplicate probe id '{pid.Value}': it is already declared at line {first.Line}; ids must be unique.");
                continue;
            }

            seen[pid.Value] = pid.Location;
            if (at is { } p)
            {
                result.Add(new ThermalProbe(pid.Value, p));
            }
        }

        return result;
    }

    /// <summary>Reads a list of coordinates, one length per dimension, each within the domain.</summary>
    private ThermalPoint? ReadPoint(MappingReader r, string key, GridInfo? grid, bool required)
    {
        var node = r.Value(key, required, $"'{key}: [10 mm, 5 mm]' (one length per dimension)");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode seq)
        {
            Bag.Error(YamlSource.LocationOf(File, node), DiagnosticCode.InvalidValue, $"{r.Context}: '{key}' must be a list of coordinates, one length per dimension ('[10 mm, 5 mm]').");
            return null;
        }

        if (grid is { } g && seq.Children.Count != g.Dimensions)
        {
            Bag.Error(YamlSource.LocationOf(File, node), DiagnosticCode.InvalidValue, string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Context}: '{key}' has {seq.Children.Count} coordinate(s), but the grid has {g.Dimensions} dimension(s); write one length per dimension."));
            return null;
        }

        var values = new double[3];
        var ok = true;
        for (var d = 0; d < seq.Children.Count && d < 3; d++)
        {
            var s = r.AsScalar(seq.Children[d], key);
            if (s is not { } text || ParseQuantity(r, text, key, QuantityKind.Length, ValueRange.Any) is not { } value)
            {
                ok = false;
                continue;
            }

            if (grid is { } gg)
            {
                var max = Axis(gg.Extent, d);
                if (value < 0 || value > max * (1 + 1e-12))
                {
                    Bag.Error(text.Location, DiagnosticCode.OutOfRange, string.Create(
                        CultureInfo.InvariantCulture,
                        $"{r.Context}: {AxisNames[d]} = {text.Value} lies outside the domain, which spans {AxisNames[d]} from 0 to {FormatLength(max)}."));
                    ok = false;
                    continue;
                }
            }

            values[d] = value;
        }

        return ok ? new ThermalPoint(values[0], values[1], values[2]) : null;
    }

    private static double Axis(ThermalPoint p, int d) => d switch
    {
        0 => p.X,
        1 => p.Y,
        _ => p.Z,
    };

    private static string FormatLength(double metres) =>
        metres < 1.0
            ? (metres * 1000).ToString("0.###", CultureInfo.InvariantCulture) + " mm"
            : metres.ToString("0.###", CultureInfo.InvariantCulture) + " m";

    /// <summary>Parses a scalar as a quantity and checks its range, like <see cref="MappingReader.ParseQuantity"/> for list items.</summary>
    private double? ParseQuantity(MappingReader r, Located<string> s, string key, QuantityKind kind, ValueRange range)
    {
        if (!UnitParser.TryParse(s.Value, kind, out var value, out var error, out var code))
        {
            Bag.Error(s.Location, code, $"{r.Context}: {key} {error}");
            return null;
        }

        var (ok, what) = range switch
        {
            ValueRange.Positive => (value > 0, "greater than 0"),
            ValueRange.NonNegative => (value >= 0, "0 or more"),
            ValueRange.UnitInterval => (value is >= 0 and <= 1, "between 0 and 1"),
            _ => (true, string.Empty),
        };
        if (!ok)
        {
            Bag.Error(s.Location, DiagnosticCode.OutOfRange, $"{r.Context}: {key} is {s.Value}, but it must be {what}.");
            return null;
        }

        return value;
    }

    private readonly record struct GridInfo(Grid Grid, int Dimensions, ThermalPoint Extent);
}
