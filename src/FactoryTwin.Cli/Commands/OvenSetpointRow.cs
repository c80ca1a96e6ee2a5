namespace FactoryTwin.Cli.Commands;

/// <summary>One zone's setpoint before and after optimization, as JSON (°C).</summary>
/// <param name="Zone">The zone.</param>
/// <param name="CurrentC">The plant's setpoint.</param>
/// <param name="OptimizedC">The setpoint found.</param>
/// <param name="MinC">The lowest allowed.</param>
/// <param name="MaxC">The highest allowed.</param>
internal sealed record OvenSetpointRow(string Zone, double CurrentC, double OptimizedC, double MinC, double MaxC);
