namespace FactoryTwin.Model.Tests;

/// <summary>Plant texts and sample paths shared by the tests.</summary>
internal static class TestPlants
{
    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "plants", name);

    public static string Sample(string name) => File.ReadAllText(SamplePath(name));

    /// <summary>A small valid plant with a source, a station, a buffer, an oven, an inspection with a rework loop and a sink.</summary>
    public const string Minimal = """
        apiVersion: factorytwin/v1
        site:
          id: t
          name: Test
        calendars:
          - id: cal
            shifts:
              - id: s1
                start: "06:00"
                end: "14:00"
                days: [mon-fri]
                breaks:
                  - { start: "09:00", duration: 15 min }
        materials:
          - id: steel
            conductivity: 50 W/(m.K)
            density: 7850 kg/m3
            specificHeat: 470 J/(kg.K)
        paintSystems:
          - id: paint
            cure:
              threshold: 130 degC
              minTimeAbove: 10 min
              maxPeak: 170 degC
              activationEnergy: 80 kJ/mol
              referenceTemperature: 140 degC
              minEquivalentTime: 15 min
              maxEquivalentTime: 60 min
        bodyStyles:
          - id: body
            points:
              - { id: roof, thickness: 0.7 mm, material: steel }
        variants:
          - { id: a, bodyStyle: body, mix: 0.5 }
          - { id: b, bodyStyle: body, mix: 0.5 }
        colours:
          - { id: white, mix: 1 }
        areas:
          - id: shop
            lines:
              - id: line1
                calendar: cal
                sources:
                  - id: src
                    interArrival: 60 s
                    next: st1
                stations:
                  - id: st1
                    kind: manual
                    processingTime: { dist: lognormal, mean: 50 s, cv: 0.2 }
                    next: buf
                  - id: oven
                    kind: oven
                    oven:
                      conveyorSpeed: 5 m/min
                      pitch: 5 m
                      paintSystem: paint
                      zones:
                        - { id: z1, length: 20 m, setpoint: 150 degC, heatTransfer: 30 W/(m2.K), sensor: z1-air }
                    next: insp
                  - id: insp
                    kind: inspection
                    processingTime: 40 s
                    rework: { probability: 0.1, to: repair }
                    next: done
                  - id: repair
                    kind: manual
                    processingTime: 5 min
                    next: insp
                buffers:
                  - { id: buf, capacity: 5, next: oven }
                sinks:
                  - { id: done }
        sensors:
          - { id: z1-air, asset: oven, quantity: temperature, unit: degC, min: 0 degC, max: 300 degC }
        alarms:
          - { id: hot, name: Too hot, priority: high, type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }
        gateways:
          - { id: gw, lines: [line1] }
        """;

    /// <summary>Replaces the only occurrence of <paramref name="find"/> in the minimal plant.</summary>
    public static string MinimalWith(string find, string replace)
    {
        var index = Minimal.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' is not in the minimal plant");
        Assert.True(Minimal.IndexOf(find, index + 1, StringComparison.Ordinal) < 0, $"'{find}' occurs more than once in the minimal plant");
        return string.Concat(Minimal.AsSpan(0, index), replace, Minimal.AsSpan(index + find.Length));
    }

    /// <summary>Gets the 1-based line and column of the first occurrence of <paramref name="marker"/> (plus an offset) in a text.</summary>
    public static (int Line, int Column) Position(string text, string marker, int offset = 0, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{marker}' occurrence {occurrence} not found");
        }

        index += offset;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
