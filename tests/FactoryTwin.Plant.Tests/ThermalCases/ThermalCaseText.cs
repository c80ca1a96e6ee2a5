namespace FactoryTwin.Plant.Tests.ThermalCases;

/// <summary>A valid 1-D thermal case whose lines the bad-input tests corrupt one at a time (line numbers in the comments).</summary>
internal static class ThermalCaseText
{
    public const string Valid = """
        apiVersion: factorytwin/v1
        kind: ThermalCase
        grid:
          extent: [20 mm]
          cells: [40]
        materials:
          - id: steel
            conductivity: 50 W/(m.K)
            density: 7850 kg/m3
            specificHeat: 470 J/(kg.K)
        regions:
          - material: steel
            from: [0 mm]
            to: [5 mm]
        initialTemperature: 20 degC
        ambient: [{t: 0 s, value: 20 degC}, {t: 10 min, value: 180 degC}]
        boundaries:
          west: insulated
          east: {type: convection, h: 25 W/(m2.K)}
        solver:
          scheme: backward-euler
          timeStep: 1 s
          endTime: 10 min
          outputInterval: 10 s
        probes:
          - id: surface
            at: [20 mm]
          - id: core
            at: [0 mm]

        """;

    /// <summary>Replaces the single occurrence of <paramref name="find"/>.</summary>
    public static string With(string find, string replace)
    {
        var index = Valid.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' is not in the base case");
        Assert.Equal(-1, Valid.IndexOf(find, index + 1, StringComparison.Ordinal));
        return string.Concat(Valid.AsSpan(0, index), replace, Valid.AsSpan(index + find.Length));
    }
}
