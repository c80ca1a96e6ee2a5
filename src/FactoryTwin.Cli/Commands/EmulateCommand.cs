using System.CommandLine;
using System.Globalization;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.VirtualPlant;
using FactoryTwin.VirtualPlant.Scenarios;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin emulate &lt;plant.yaml&gt; [--speed 60] [--seed 1] [--broker mqtt://host:port] [--scenario file]
/// [--duration 8h] [--start 06:00] [--ground-truth file] [--credentials file] [--sample-interval 1s] [--batch-interval 5s]
/// [--buffer 100000] [--output text|json]</c>: runs the virtual plant and publishes its telemetry, with a live status line.
/// </summary>
internal static class EmulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("plant") { Description = "The plant file (YAML, apiVersion factorytwin/v1); its gateways become the MQTT publishers." };
        var speed = EmulateOptions.Speed();
        var seed = SimulateOptions.Seed();
        var broker = EmulateOptions.Broker();
        var scenario = new Option<string?>("--scenario") { Description = "A scenario file (kind: Scenario) with burner trips and conveyor stops to inject." };
        var duration = EmulateOptions.Duration("--duration", "How long to run in simulated time, with a unit (8h, 90 min); default: until Ctrl+C.");
        var start = EmulateOptions.Start();
        var truth = new Option<string?>("--ground-truth") { Description = "Write every simulated event to this JSON Lines file." };
        var credentials = new Option<string?>("--credentials") { Description = "A file of 'gateway-id password' lines: the MQTT passwords of the gateways (user name = gateway id)." };
        var sample = EmulateOptions.Interval("--sample-interval", "1 s", "Simulated time between two samples of every sensor, with a unit.");
        var batch = EmulateOptions.Interval("--batch-interval", "5 s", "Simulated time of sensor samples a gateway collects into one measure message, with a unit.");
        var buffer = EmulateOptions.Buffer();
        var output = OutputOption.Create();
        var command = new Command(
            "emulate",
            "Run the plant as a virtual plant in scaled real time and publish over MQTT what its gateways would: station states, good/scrap counts, "
            + "body enter/exit events, batched sensor values (oven zones around their setpoints). Prints a live status line and a summary. "
            + "Exit code 0 ok, 1 invalid plant/scenario or messages left unpublished, 2 usage.")
        {
            file, speed, seed, broker, scenario, duration, start, truth, credentials, sample, batch, buffer, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (host, port) = parseResult.GetValue(broker);
            var request = new EmulateRequest(
                parseResult.GetRequiredValue(file),
                parseResult.GetValue(speed),
                parseResult.GetValue(seed),
                host,
                port,
                parseResult.GetValue(scenario),
                parseResult.GetValue(duration),
                parseResult.GetValue(start),
                parseResult.GetValue(truth),
                parseResult.GetValue(credentials),
                parseResult.GetValue(sample),
                parseResult.GetValue(batch),
                parseResult.GetValue(buffer),
                parseResult.GetValue(output));
            return await RunAsync(request, stdout, stderr, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(EmulateRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (path, what) in new[] { (request.Path, "plant file"), (request.ScenarioPath, "scenario file"), (request.CredentialsPath, "credentials file") })
        {
            if (path is not null && !File.Exists(path))
            {
                await stderr.WriteLineAsync($"error: {what} '{path}' does not exist.");
                return ExitCodes.Usage;
            }
        }

        var loaded = PlantLoader.LoadFile(request.Path);
        if (!loaded.Success)
        {
            return await InvalidAsync(loaded.Diagnostics, request.Path, "factorytwin validate " + request.Path, stderr);
        }

        var plant = loaded.Model!;
        Scenario? scenario = null;
        if (request.ScenarioPath is { } scenarioPath)
        {
            var s = ScenarioLoader.LoadFile(scenarioPath, plant);
            if (!s.Success)
            {
                return await InvalidAsync(s.Diagnostics, scenarioPath, "docs/virtual-plant.md", stderr);
            }

            scenario = s.Scenario;
        }

        var options = new VirtualPlantOptions
        {
            Speed = request.Speed,
            Seed = request.Seed,
            Host = request.Host,
            Port = request.Port,
            Duration = request.Duration,
            StartTime = request.Start,
            GroundTruthFile = request.GroundTruthPath,
            SampleInterval = request.SampleInterval,
            BatchInterval = request.BatchInterval,
            BufferCapacity = request.Buffer,
        };
        if (request.CredentialsPath is { } credentialsPath && !await ReadCredentialsAsync(credentialsPath, plant, options, stderr, cancellationToken))
        {
            return ExitCodes.Invalid;
        }

        VirtualPlantEmulator emulator;
        try
        {
            emulator = new VirtualPlantEmulator(plant, options, scenario);
        }
        catch (InvalidOperationException ex)
        {
            await stderr.WriteLineAsync($"error: the plant cannot be emulated: {ex.Message}");
            return ExitCodes.Invalid;
        }

        await using (emulator)
        {
            var run = emulator.RunAsync(cancellationToken: cancellationToken);
            await EmulateStatus.FollowAsync(emulator, run, stderr);
            var summary = await run;
            if (request.Format == OutputFormat.Json)
            {
                JsonOutput.Write(stdout, EmulateReport.Of(request, plant, summary));
            }
            else
            {
                EmulateReport.WriteText(stdout, request, plant, summary);
            }

            return summary.Drained ? ExitCodes.Ok : ExitCodes.Invalid;
        }
    }

    private static async Task<int> InvalidAsync(IReadOnlyList<Diagnostic> diagnostics, string path, string hint, TextWriter stderr)
    {
        foreach (var d in diagnostics)
        {
            await stderr.WriteLineAsync(d.ToString());
        }

        int errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path} is invalid: {errors} error(s). Fix them (see {hint}) and emulate again."));
        return ExitCodes.Invalid;
    }

    /// <summary>Reads <c>gateway-id password</c> lines (blank lines and <c>#</c> comments ignored); never prints a password.</summary>
    private static async Task<bool> ReadCredentialsAsync(string path, PlantModel plant, VirtualPlantOptions options, TextWriter stderr, CancellationToken cancellationToken)
    {
        var gateways = plant.Gateways.Select(g => g.Id.Value).ToHashSet(StringComparer.Ordinal);
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        bool ok = true;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !gateways.Contains(parts[0]))
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}: expected 'gateway-id password' with a gateway of the plant ({string.Join(", ", gateways.Order(StringComparer.Ordinal))})."));
                ok = false;
                continue;
            }

            options.Passwords[parts[0]] = parts[1];
        }

        return ok;
    }
}
