using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>The solver settings: scheme, time step, end time, output interval, backend.</summary>
internal sealed partial class ThermalCaseReader
{
    private SolverSettings? ReadSolver()
    {
        var r = root.Mapping("solver", "the solver", required: true);
        if (r is null)
        {
            return null;
        }

        r.Context = "solver";
        var scheme = r.Enum<TimeScheme>("scheme", required: true);
        var dt = r.Quantity("timeStep", QuantityKind.Duration, required: false, ValueRange.Positive);
        var end = r.Quantity("endTime", QuantityKind.Duration, required: true, ValueRange.Positive);
        var interval = r.Quantity("outputInterval", QuantityKind.Duration, required: false, ValueRange.Positive);
        var backend = r.Enum<HeatBackend>("backend") ?? HeatBackend.Cpu;
        var backendLocation = r.Has("backend") ? YamlSource.LocationOf(File, r.Value("backend")!) : r.Location;
        var timeStepLocation = r.Has("timeStep") ? YamlSource.LocationOf(File, r.Value("timeStep")!) : r.Location;
        r.Finish();

        if (scheme is not { } sc || end is not { } e)
        {
            return null;
        }

        var failed = false;
        if (sc != TimeScheme.Explicit && dt is null && !r.Has("timeStep"))
        {
            Bag.Error(r.Location, DiagnosticCode.MissingField, $"solver: the {MappingReader.ToKebab(sc.ToString())} scheme is unconditionally stable but needs a time step for accuracy: add 'timeStep: 1 s' (only the explicit scheme chooses its own).");
            failed = true;
        }

        if (sc != TimeScheme.Explicit && backend is HeatBackend.IlgpuCpu or HeatBackend.Cuda)
        {
            Bag.Error(backendLocation, DiagnosticCode.InvalidValue, $"solver: the {MappingReader.ToKebab(backend.ToString())} backend runs the explicit scheme only; use 'scheme: explicit' or 'backend: cpu'.");
            failed = true;
        }

        if (dt is { } step && step > e)
        {
            Bag.Error(timeStepLocation, DiagnosticCode.OutOfRange, "solver: timeStep is longer than endTime; make it shorter.");
            failed = true;
        }

        if (failed || (r.Has("timeStep") && dt is null) || (r.Has("outputInterval") && interval is null))
        {
            return null;
        }

        return new SolverSettings(sc, dt, e, Math.Min(interval ?? (e / 100.0), e), backend, timeStepLocation);
    }

    private readonly record struct SolverSettings(TimeScheme Scheme, double? TimeStep, double EndTime, double OutputInterval, HeatBackend Backend, SourceLocation TimeStepLocation);
}
