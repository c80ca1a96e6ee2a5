using System.Net;
using System.Text.Json;
using MQTTnet.Server;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class EmulateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-emulate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Emulate_Help_ListsTheOptions()
    {
        var (code, stdout, _) = await CliRun.RunAsync("emulate", "--help");

        Assert.Equal(0, code);
        foreach (var option in new[] { "--speed", "--seed", "--broker", "--scenario", "--duration", "--ground-truth", "--output" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--speed", "5000", "--speed must be a number from 1 to 1000")]
    [InlineData("--speed", "fast", "--speed must be a number from 1 to 1000")]
    [InlineData("--broker", "http://x:1", "--broker must look like mqtt://host:port")]
    [InlineData("--duration", "8", "'8' is not a valid duration")]
    [InlineData("--start", "25:00", "--start must be a time of day")]
    public async Task Emulate_BadOption_IsAUsageError(string option, string value, string message)
    {
        var (code, _, stderr) = await CliRun.RunAsync("emulate", CliRun.Sample("automotive.yaml"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_MissingPlant_IsAUsageError()
    {
        var (code, _, stderr) = await CliRun.RunAsync("emulate", Path.Combine(_folder, "nope.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_InvalidScenario_ExitsOneWithLocation()
    {
        var scenario = Path.Combine(_folder, "bad.yaml");
        await File.WriteAllTextAsync(scenario, "apiVersion: factorytwin/v1\nkind: Scenario\ndisturbances:\n  - { type: burner-trip, sensor: nowhere, at: 1 h }\n", TestContext.Current.CancellationToken);

        var (code, _, stderr) = await CliRun.RunAsync("emulate", CliRun.Sample("automotive.yaml"), "--scenario", scenario);

        Assert.Equal(1, code);
        Assert.Contains("bad.yaml:4:", stderr, StringComparison.Ordinal);
        Assert.Contains("'nowhere' is not the air sensor of an oven zone", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_UnknownGatewayInCredentials_ExitsOneWithoutPrintingThePassword()
    {
        var credentials = Path.Combine(_folder, "credentials.txt");
        await File.WriteAllTextAsync(credentials, "# gateway password\ngw-nowhere s3cret-value\n", TestContext.Current.CancellationToken);

        var (code, stdout, stderr) = await CliRun.RunAsync("emulate", CliRun.Sample("automotive.yaml"), "--credentials", credentials);

        Assert.Equal(1, code);
        Assert.Contains("credentials.txt:2:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_ToABroker_PrintsAJsonSummaryAndWritesTheGroundTruth()
    {
        int port = FreePorts.Next();
        var factory = new MqttServerFactory();
        using var server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder().WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
        await server.StartAsync();
        var truth = Path.Combine(_folder, "truth.jsonl");
        var scenario = Path.Combine(_folder, "trip.yaml");
        await File.WriteAllTextAsync(scenario, "apiVersion: factorytwin/v1\nkind: Scenario\ndisturbances:\n  - { type: burner-trip, sensor: ecoat-oven-z2-air, at: 30 min }\n", TestContext.Current.CancellationToken);

        var (code, stdout, stderr) = await CliRun.RunAsync(
            "emulate", CliRun.Sample("automotive.yaml"), "--speed", "max", "--seed", "3", "--broker", $"mqtt://127.0.0.1:{port}",
            "--duration", "45 min", "--ground-truth", truth, "--scenario", scenario, "--output", "json");
        await server.StopAsync();

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("drained").GetBoolean());
        Assert.Equal(2700, root.GetProperty("simulatedSeconds").GetDouble());
        Assert.True(root.GetProperty("published").GetInt64() > 0);
        Assert.Equal(root.GetProperty("messages").GetInt64(), root.GetProperty("published").GetInt64());
        Assert.Equal(1, root.GetProperty("disturbances").GetInt32());
        Assert.Equal(3, root.GetProperty("gateways").GetArrayLength());
        Assert.Equal(File.ReadAllLines(truth).Length, root.GetProperty("groundTruthEvents").GetInt64());
    }

    [Fact]
    public async Task Emulate_TextOutput_SummarizesEveryGateway()
    {
        int port = FreePorts.Next();
        var factory = new MqttServerFactory();
        using var server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder().WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
        await server.StartAsync();

        var (code, stdout, stderr) = await CliRun.RunAsync(
            "emulate", CliRun.Sample("automotive.yaml"), "--speed", "max", "--broker", $"127.0.0.1:{port}", "--duration", "20 min", "--start", "14:00");
        await server.StopAsync();

        Assert.True(code == 0, stderr);
        Assert.Contains("Virtual plant lakeside", stdout, StringComparison.Ordinal);
        Assert.Contains("simulated 00:20:00", stdout, StringComparison.Ordinal);
        foreach (var gateway in new[] { "gw-body:", "gw-paint:", "gw-assembly:" })
        {
            Assert.Contains(gateway, stdout, StringComparison.Ordinal);
        }
    }
}
