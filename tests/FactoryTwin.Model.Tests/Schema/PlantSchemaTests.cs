using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Loading;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Model.Tests.Schema;

/// <summary>
/// Checks docs/plant.schema.json, the JSON Schema editors use for plant files, against the loader, which is the source of
/// truth: the samples and every variation the loader accepts pass the schema; what the loader rejects for a reason the
/// schema can see (a field, a type, an enum, a pattern) fails it.
/// </summary>
public partial class PlantSchemaTests
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    private static readonly Lazy<JsonSchema> PlantSchema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "docs", "plant.schema.json");

    public static TheoryData<string> Samples => new() { "automotive.yaml", "two-stations.yaml" };

    /// <summary>Edits of the minimal plant that the loader accepts: (find, replace).</summary>
    public static TheoryData<string, string> ValidEdits => new()
    {
        { "interArrival: 60 s", "interArrival: { dist: constant, value: 1 min }" },
        { "interArrival: 60 s", "interArrival: { dist: uniform, min: 50 s, max: 70 s }" },
        { "interArrival: 60 s", "interArrival: { dist: triangular, min: 50 s, mode: 55 s, max: 70 s }" },
        { "interArrival: 60 s", "interArrival: { dist: normal, mean: 60 s, sd: 5 s }" },
        { "interArrival: 60 s", "interArrival: { dist: exponential, mean: 1e1 min }" },
        { "interArrival: 60 s", "interArrival: { dist: empirical, samples: [55 s, 60 s, 1.1 min] }" },
        { "interArrival: 60 s", "interArrival: \"  60s \"" },
        { "interArrival: 60 s", "interArrival: .5 h" },
        { "next: st1", "next: [st1]" },
        { "next: st1", "next: [{ to: st1 }]" },
        { "next: st1", "next: [{ to: st1, fraction: 100 % }]" },
        { "next: st1", "next: [{ to: st1, variants: [a, b] }]" },
        { "next: st1", "next: [{ to: st1, variants: a }, { to: buf, variants: [b] }]" },
        { "next: st1", "next: st1\n            layout: { x: 10, y: -2.5 }" },
        { "days: [mon-fri]", "days: mon" },
        { "days: [mon-fri]", "days: [mon, wed, fri-sun]" },
        { "start: \"06:00\"", "start: \"6:00\"" },
        { "end: \"14:00\"", "end: \"14:00:30\"" },
        { "capacity: 5", "capacity: \"5\"" },
        { "mix: 1", "mix: 100 %" },
        { "{ id: a, bodyStyle: body, mix: 0.5 }", "{ id: a, name: 42, bodyStyle: body, mix: \"0.5\" }" },
        { "material: steel }", "material: steel, exposure: 80 % }" },
        { "specificHeat: 470 J/(kg.K)", "specificHeat: 470 J/(kg.K)\n    emissivity: 0.6" },
        { "conductivity: 50 W/(m.K)", "conductivity: 50 W.m-1.K^-1" },
        { "setpoint: 150 degC", "setpoint: 423.15 K" },
        { "heatTransfer: 30 W/(m2.K)", "heatTransfer: 30 W/m²/K" },
        { "processingTime: 5 min", "processingTime: 5 min\n            servers: 3\n            scrap: 0.2 %\n            idealCycleTime: 4 min" },
        { "processingTime: 40 s", "processingTime: 40 s\n            setup: { by: colour, time: 10 s, changes: [{ from: white, to: white, time: 0 s }] }" },
        { "processingTime: 40 s", "processingTime: 40 s\n            failures:\n              - { timeBetween: { dist: exponential, mean: 8 h }, timeToRepair: 10 min, basis: calendar }" },
        { "processingTime: 40 s", "processingTime: 40 s\n            servers: 4\n            failures:\n              - { timeBetween: 40 h, timeToRepair: 20 min, scope: station }" },
        { "processingTime: 40 s", "processingTime: 40 s\n            failures:\n              - { timeBetween: 40 h, timeToRepair: 20 min, scope: server }" },
        { "{ id: buf, capacity: 5, next: oven }", "{ id: buf, capacity: 5, next: conv }\n        conveyors:\n          - { id: conv, length: 10 m, speed: 4 m/min, pitch: 2 m, next: oven }" },
        { "high: 180 degC, deadband: 2 K }", "low: -10 degC }" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: rate-of-change, sensor: z1-air, maxRate: 5 K/min }" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: stale, sensor: z1-air, after: 30 s }" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: state-duration, asset: st1, state: off-shift, longerThan: 1 h }" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: anomaly, sensor: z1-air }" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: anomaly, sensor: z1-air, chart: cusum, learn: 600, limit: 20, slack: 0.5, phase: 1 h, onDelay: 30 s }" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: anomaly, sensor: z1-air, chart: ewma, lambda: 0.1, limit: 4 }" },
        { "{ id: gw, lines: [line1] }", "{ id: gw, lines: line1 }" },
        { "gateways:\n  - { id: gw, lines: [line1] }", "gateways:" },
        { "site:\n  id: t", "site:\n  id: 7\n  timeZone: Europe/Berlin" },
    };

    /// <summary>Edits of the minimal plant that the loader rejects for a reason the schema can see: (find, replace, code).</summary>
    public static TheoryData<string, string, string> InvalidEdits => new()
    {
        { "interArrival: 60 s", "interArrival: 60", "invalid-unit" },
        { "interArrival: 60 s", "interArrival: \"60\"", "invalid-unit" },
        { "interArrival: 60 s", "interArrival: \"2e5\"", "invalid-unit" },
        { "interArrival: 60 s", "interArrival: \"21/s\"", "invalid-unit" },
        { "interArrival: 60 s", "interArrival: -60 s", "out-of-range" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: anomaly, sensor: z1-air, chart: shewhart }", "invalid-value" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: anomaly, sensor: z1-air, learn: 5 }", "out-of-range" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: anomaly, sensor: z1-air, high: 180 degC }", "unknown-field" },
        { "interArrival: 60 s", "interArrival: { dist: gamma, mean: 60 s }", "invalid-distribution" },
        { "interArrival: 60 s", "interArrival: { dist: uniform, min: 50 s }", "missing-field" },
        { "interArrival: 60 s", "interArrival: { dist: exponential, mean: 60 s, cv: 0.3 }", "unknown-field" },
        { "interArrival: 60 s", "interArrival: { mean: 60 s }", "missing-field" },
        { "interArrival: 60 s", "interArrival: { dist: empirical, samples: [] }", "invalid-distribution" },
        { "next: st1", "next: []", "invalid-value" },
        { "next: st1", "next: { to: st1 }", "invalid-value" },
        { "next: st1", "next: [{ to: st1, fraction: 0.5 }, buf]", "invalid-value" },
        { "next: st1", "next: [{ to: st1, fraction: 1, variants: [a, b] }]", "invalid-value" },
        { "next: st1", "next: not an id", "invalid-value" },
        { "next: st1", "next: st1\n            layout: { x: 10 }", "missing-field" },
        { "days: [mon-fri]", "days: [monday]", "invalid-value" },
        { "days: [mon-fri]", "days: [mon-]", "invalid-value" },
        { "start: \"06:00\"", "start: \"24:00\"", "invalid-value" },
        { "start: \"06:00\"", "start: 6", "invalid-value" },
        { "capacity: 5", "capacity: 0", "out-of-range" },
        { "capacity: 5", "capacity: 2.5", "invalid-value" },
        { "mix: 1", "mix: 1.5", "invalid-probability" },
        { "mix: 1", "mix: one", "invalid-value" },
        { "kind: inspection", "kind: inspecton", "invalid-value" },
        { "kind: inspection", "kind: oven", "invalid-oven" },
        { "kind: manual\n            processingTime: { dist: lognormal, mean: 50 s, cv: 0.2 }", "kind: manual", "missing-field" },
        { "id: oven\n            kind: oven", "id: oven\n            kind: oven\n            processingTime: 60 s", "invalid-oven" },
        { "zones:\n                - { id: z1, length: 20 m, setpoint: 150 degC, heatTransfer: 30 W/(m2.K), sensor: z1-air }", "zones: []", "invalid-oven" },
        { "setpoint: 150 degC, ", string.Empty, "invalid-oven" },
        { "processingTime: 5 min", "processingTime: 5 min\n            servers: 0", "out-of-range" },
        { "processingTime: 5 min", "processingTime: 5 min\n            setup: { by: size, time: 10 s }", "invalid-value" },
        { "processingTime: 5 min", "processingTime: 5 min\n            failures:\n              - { timeBetween: 8 h }", "missing-field" },
        { "processingTime: 5 min", "processingTime: 5 min\n            failures:\n              - { timeBetween: 8 h, timeToRepair: 5 min, basis: always }", "invalid-value" },
        { "processingTime: 5 min", "processingTime: 5 min\n            failures:\n              - { timeBetween: 8 h, timeToRepair: 5 min, scope: line }", "invalid-value" },
        { "{ id: done }", "{ id: done, next: src }", "invalid-value" },
        { "{ id: buf, capacity: 5, next: oven }", "{ id: buf, next: oven }", "missing-field" },
        { "high: 180 degC, deadband: 2 K }", "deadband: 2 K }", "missing-field" },
        { "high: 180 degC, deadband: 2 K }", "high: 180 degC, maxRate: 5 K/min }", "unknown-field" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: stale, sensor: z1-air }", "missing-field" },
        { "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }", "type: state-duration, asset: st1, state: broken, longerThan: 1 h }", "invalid-value" },
        { "type: threshold,", "type: treshold,", "invalid-value" },
        { "priority: high,", "priority: urgent,", "invalid-value" },
        { "{ id: hot, name: Too hot, ", "{ id: hot, ", "missing-field" },
        { "quantity: temperature, unit: degC, min: 0 degC, max: 300 degC", "quantity: temperature, unit: degC, min: 0, max: 300 degC", "invalid-unit" },
        { "quantity: temperature", "quantity: heat", "invalid-value" },
        { "{ id: gw, lines: [line1] }", "{ id: gw }", "missing-field" },
        { "{ id: white, mix: 1 }", "{ id: white, mix: 1, hue: 0 }", "unknown-field" },
        { "apiVersion: factorytwin/v1", "apiVersion: factorytwin/v2", "unsupported-version" },
        { "site:\n  id: t", "site:\n  id: -t", "invalid-value" },
        { "site:\n  id: t\n  name: Test", "site:\n  name: Test", "missing-field" },
        { "  name: Test\n", "  name: \" \"\n", "invalid-value" },
        { "material: steel }", "material: steel, exposure: 0 }", "out-of-range" },
        { "cure:\n      threshold: 130 degC\n", "cure:\n", "missing-field" },
    };

    [Fact]
    public void SchemaFile_IsJsonThatDeclaresDraft202012()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.Equal(Draft202012, document.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void SchemaFile_AgainstDraft202012MetaSchema_IsValid()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        var result = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void SchemaFile_EveryObject_ForbidsUnknownFieldsAndDescribesEveryField()
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var problems = new List<string>();

        CheckObjects(root, "#", problems);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Evaluate_Sample_IsValid(string sample)
    {
        var result = Evaluate(TestPlants.Sample(sample));

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Evaluate_MinimalPlant_IsValid()
    {
        var result = Evaluate(TestPlants.Minimal);

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Evaluate_UnknownField_IsInvalid()
    {
        var text = Edit(TestPlants.Sample("two-stations.yaml"), "            kind: manual\n", "            kind: manual\n            speed: 4 m/min\n");

        AssertLoaderRejects(text, "unknown-field");
        Assert.False(Evaluate(text).IsValid);
    }

    [Fact]
    public void Evaluate_BadEnum_IsInvalid()
    {
        var text = Edit(TestPlants.Sample("two-stations.yaml"), "kind: robot-cell", "kind: robot-cel");

        AssertLoaderRejects(text, "invalid-value");
        Assert.False(Evaluate(text).IsValid);
    }

    [Fact]
    public void Evaluate_SiteWithoutId_IsInvalid()
    {
        var text = Edit(TestPlants.Sample("two-stations.yaml"), "site:\n  id: demo\n", "site:\n");

        AssertLoaderRejects(text, "missing-field");
        Assert.False(Evaluate(text).IsValid);
    }

    [Theory]
    [MemberData(nameof(ValidEdits))]
    public void Evaluate_VariationTheLoaderAccepts_IsValid(string find, string replace)
    {
        var text = TestPlants.MinimalWith(find, replace);
        var loaded = PlantLoader.Parse(text);
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Diagnostics));

        var result = Evaluate(text);

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [MemberData(nameof(InvalidEdits))]
    public void Evaluate_VariationTheLoaderRejects_IsInvalid(string find, string replace, string code)
    {
        var text = TestPlants.MinimalWith(find, replace);
        AssertLoaderRejects(text, code);

        var result = Evaluate(text);

        Assert.False(result.IsValid);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Evaluate_AnyValueOfSampleCorrupted_IsInvalid(string sample)
    {
        // Like SampleCorruptionTests for the loader: every value and field name the loader checks, the schema checks too.
        var text = TestPlants.Sample(sample);
        var scalars = SampleScalars.Of(text);
        var missed = new List<string>();
        foreach (var (scalar, isKey, key) in scalars)
        {
            var replacement = SampleScalars.Corruption(isKey, key);
            var corrupted = SampleScalars.Corrupt(text, scalar, replacement);

            if (Evaluate(corrupted, OutputFormat.Flag).IsValid)
            {
                missed.Add(string.Create(CultureInfo.InvariantCulture, $"line {scalar.Start.Line} '{scalar.Value}' → {replacement}"));
            }
        }

        Assert.True(missed.Count == 0, string.Join(Environment.NewLine, missed));
    }

    [Theory]
    [InlineData("capacity: 5", "capacity", "5")]
    [InlineData("mix: 0.6", "mix", "0.6")]
    [InlineData("x: -1.5e3", "x", "-1500")]
    [InlineData("t: 60 s", "t", "\"60 s\"")]
    [InlineData("t: \"5\"", "t", "\"5\"")]
    [InlineData("t: '06:00'", "t", "\"06:00\"")]
    [InlineData("t: 06:00", "t", "\"06:00\"")]
    [InlineData("t: true", "t", "true")]
    [InlineData("t: ~", "t", "null")]
    [InlineData("t:", "t", "null")]
    public void ToJson_PlainScalars_BecomeJsonNumbersBooleansAndNulls(string yaml, string key, string json)
    {
        var node = ToJson(yaml)!.AsObject()[key];

        Assert.Equal(json, node?.ToJsonString() ?? "null");
    }

    private static EvaluationResults Evaluate(string yaml, OutputFormat format = OutputFormat.List)
    {
        using var document = JsonDocument.Parse(ToJson(yaml)?.ToJsonString() ?? "null");
        return PlantSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = format });
    }

    /// <summary>
    /// Converts YAML to JSON as an editor's YAML language server sees it (YAML 1.2 core schema): plain scalars that look
    /// like numbers become numbers, true/false booleans, null/~/empty null; everything else, and every quoted scalar, a string.
    /// </summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToJson(stream.Documents[0].RootNode);
    }

    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    obj.Add(((YamlScalarNode)key).Value ?? string.Empty, ToJson(value));
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var child in sequence.Children)
                {
                    array.Add(ToJson(child));
                }

                return array;
            case YamlScalarNode scalar:
                return ScalarToJson(scalar);
            default:
                throw new NotSupportedException($"YAML node {node.NodeType} is not supported.");
        }
    }

    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text[0] is 't' or 'T');
        }

        if (YamlInteger().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (YamlFloat().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    private static void AssertLoaderRejects(string text, string code)
    {
        var result = PlantLoader.Parse(text);
        Assert.False(result.Success, "the loader accepts the text");
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.CodeName == code);
    }

    private static string Edit(string text, string find, string replace)
    {
        Assert.Contains(find, text, StringComparison.Ordinal);
        return text.Replace(find, replace, StringComparison.Ordinal);
    }

    private static string Describe(EvaluationResults result)
    {
        var lines = new List<string>();
        foreach (var detail in result.Details ?? [])
        {
            if (detail.Errors is null)
            {
                continue;
            }

            foreach (var (keyword, error) in detail.Errors)
            {
                lines.Add($"{detail.InstanceLocation} ({detail.EvaluationPath}) {keyword}: {error}");
            }
        }

        return lines.Count == 0 ? "valid" : string.Join(Environment.NewLine, lines.Take(40));
    }

    private static void CheckObjects(JsonNode node, string path, List<string> problems)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } item)
                {
                    CheckObjects(item, path + "/" + i.ToString(CultureInfo.InvariantCulture), problems);
                }
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        var type = obj["type"];
        var isObject = type is JsonValue v ? v.GetValue<string>() == "object" : type is JsonArray types && types.Any(t => t?.GetValue<string>() == "object");
        if (isObject && obj["additionalProperties"]?.GetValueKind() != JsonValueKind.False)
        {
            problems.Add($"{path}: an object without 'additionalProperties: false'");
        }

        // Property schemas inside if/then only narrow fields declared (and described) in the enclosing object.
        var isConditional = path.EndsWith("/if", StringComparison.Ordinal) || path.EndsWith("/then", StringComparison.Ordinal)
            || path.EndsWith("/else", StringComparison.Ordinal);
        if (!isConditional && obj["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject p && p["description"] is null)
                {
                    problems.Add($"{path}/properties/{name}: no description");
                }
            }
        }

        foreach (var (name, child) in obj)
        {
            if (child is not null)
            {
                CheckObjects(child, path + "/" + name, problems);
            }
        }
    }

    // YAML 1.2 core schema: int and float (without .inf/.nan and the 0o/0x forms, which plant files do not use).
    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloat();
}
