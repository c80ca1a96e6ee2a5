namespace FactoryTwin.Analytics.Tests.Ovens;

/// <summary>Plants with one oven: four zones and three points, or one zone and two points.</summary>
internal static class OvenTestPlant
{
    public const string FourZones = """
        apiVersion: factorytwin/v1
        site: { id: t, name: Oven test }
        calendars:
          - id: cal
            shifts: [{ id: s, start: "06:00", end: "14:00", days: [mon-fri] }]
        materials:
          - { id: steel, conductivity: 50 W/(m.K), density: 7850 kg/m3, specificHeat: 470 J/(kg.K), emissivity: 0.6 }
          - { id: hs-steel, conductivity: 42 W/(m.K), density: 7850 kg/m3, specificHeat: 460 J/(kg.K), emissivity: 0.6 }
        paintSystems:
          - id: clear
            cure:
              threshold: 150 degC
              minTimeAbove: 15 min
              maxPeak: 200 degC
              activationEnergy: 80 kJ/mol
              referenceTemperature: 160 degC
              minEquivalentTime: 30 min
              maxEquivalentTime: 90 min
        bodyStyles:
          - id: body
            points:
              - { id: panel, thickness: 0.8 mm, material: steel, exposure: 1.0 }
              - { id: door-inner, thickness: 1.2 mm, material: steel, exposure: 0.7 }
              - { id: reinforcement, thickness: 3 mm, material: hs-steel, exposure: 0.5 }
        variants: [{ id: v, bodyStyle: body, mix: 1 }]
        colours: [{ id: c, mix: 1 }]
        areas:
          - id: a
            lines:
              - id: l
                calendar: cal
                sources: [{ id: src, interArrival: 60 s, next: oven }]
                stations:
                  - id: oven
                    kind: oven
                    oven:
                      conveyorSpeed: 4 m/min
                      pitch: 6 m
                      paintSystem: clear
                      zones:
                        - { id: z1, length: 30 m, setpoint: 190 degC, heatTransfer: 40 W/(m2.K), sensor: z1-air }
                        - { id: z2, length: 30 m, setpoint: 180 degC, heatTransfer: 30 W/(m2.K), sensor: z2-air }
                        - { id: z3, length: 40 m, setpoint: 170 degC, heatTransfer: 25 W/(m2.K), sensor: z3-air }
                        - { id: z4, length: 20 m, setpoint: 165 degC, heatTransfer: 20 W/(m2.K), sensor: z4-air }
                    next: out
                sinks: [{ id: out }]
        sensors:
          - { id: z1-air, asset: oven, quantity: temperature, unit: degC, min: 0 degC, max: 300 degC }
          - { id: z2-air, asset: oven, quantity: temperature, unit: degC, min: 0 degC, max: 300 degC }
          - { id: z3-air, asset: oven, quantity: temperature, unit: degC, min: 0 degC, max: 300 degC }
          - { id: z4-air, asset: oven, quantity: temperature, unit: degC, min: 0 degC, max: 300 degC }
        """;

    /// <summary>The four-zone plant reduced to one 120 m zone (30 min) at 180 °C.</summary>
    public static string OneZone(string setpoint = "180 degC") => FourZones
        .Replace("""
                        - { id: z1, length: 30 m, setpoint: 190 degC, heatTransfer: 40 W/(m2.K), sensor: z1-air }
                        - { id: z2, length: 30 m, setpoint: 180 degC, heatTransfer: 30 W/(m2.K), sensor: z2-air }
                        - { id: z3, length: 40 m, setpoint: 170 degC, heatTransfer: 25 W/(m2.K), sensor: z3-air }
                        - { id: z4, length: 20 m, setpoint: 165 degC, heatTransfer: 20 W/(m2.K), sensor: z4-air }
        """, $"""
                        - {"{"} id: z1, length: 120 m, setpoint: {setpoint}, heatTransfer: 30 W/(m2.K), sensor: z1-air {"}"}
        """, StringComparison.Ordinal)
        .Replace("""
          - { id: z2-air, asset: oven, quantity: temperature, unit: degC, min: 0 degC, max: 300 degC }
          - { id: z3-air, asset: oven, quantity: temperature, unit: degC, min: 0 degC, max: 300 degC }
          - { id: z4-air, asset: oven, quantity: temperature, unit: degC, min: 0 degC, max: 300 degC }
        """, string.Empty, StringComparison.Ordinal);
}
