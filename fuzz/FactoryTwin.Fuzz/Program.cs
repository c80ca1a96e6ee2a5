using FactoryTwin.Fuzz;
using FactoryTwin.Model.Loading;
using SharpFuzz;

// The AFL++ entry point: `FactoryTwin.Fuzz telemetry|plant` reads inputs from AFL (or one from stdin without AFL).
// `FactoryTwin.Fuzz telemetry|plant FILE…` replays files, to reproduce a finding; run that on an uninstrumented build
// (`dotnet run --project fuzz/FactoryTwin.Fuzz -- plant FILE`): instrumented code needs AFL's coverage map.
if (args.Length == 0 || args[0] is not ("telemetry" or "plant"))
{
    Console.Error.WriteLine("usage: FactoryTwin.Fuzz telemetry|plant [FILE…]");
    return 2;
}

// Instrumented code may run only once SharpFuzz has set up the coverage map, so the target is made inside the first run.
TelemetryTarget? telemetry = null;
Action<ReadOnlySpan<byte>> run = args[0] == "telemetry"
    ? input => (telemetry ??= new TelemetryTarget(SamplePlant())).Run(input)
    : input => PlantTarget.Run(input);

if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        run(File.ReadAllBytes(file));
        Console.WriteLine("ok " + file);
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;

static FactoryTwin.Model.Plants.PlantModel SamplePlant() =>
    PlantLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "automotive.yaml")).Model
        ?? throw new InvalidOperationException("the sample plant does not load");
