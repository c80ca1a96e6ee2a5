namespace FactoryTwin.Cli.Commands;

/// <summary>The heat demand before and after, in the energy model's units (docs/oven.md).</summary>
/// <param name="CurrentKw">Heat input at the current setting, in kW.</param>
/// <param name="OptimizedKw">Heat input at the setting found, in kW.</param>
/// <param name="SavingKw">The difference, in kW.</param>
/// <param name="CurrentPerBodyMj">Heat per body at the current setting, in MJ.</param>
/// <param name="OptimizedPerBodyMj">Heat per body at the setting found, in MJ.</param>
/// <param name="SavingPercent">The saving of heat per body, in %.</param>
internal sealed record OvenHeatSummary(double CurrentKw, double OptimizedKw, double SavingKw, double CurrentPerBodyMj, double OptimizedPerBodyMj, double SavingPercent);
