namespace FactoryTwin.Model.Plants;

/// <summary>
/// When a paint is cured: the metal stays above <see cref="Threshold"/> for at least <see cref="MinTimeAboveThreshold"/>,
/// never exceeds <see cref="MaxPeakTemperature"/>, and its Arrhenius equivalent time at <see cref="ReferenceTemperature"/>,
/// t_eq = ∫ exp(−Ea/R · (1/T − 1/T_ref)) dt, lies within [<see cref="MinEquivalentTime"/>, <see cref="MaxEquivalentTime"/>].
/// </summary>
/// <param name="Threshold">The metal temperature above which the paint cures, in kelvin.</param>
/// <param name="MinTimeAboveThreshold">The least time above the threshold, in seconds.</param>
/// <param name="MaxPeakTemperature">The highest metal temperature before over-bake, in kelvin.</param>
/// <param name="ActivationEnergy">The cure reaction's activation energy Ea, in J/mol.</param>
/// <param name="ReferenceTemperature">The reference temperature of the equivalent time, in kelvin.</param>
/// <param name="MinEquivalentTime">The least equivalent time at the reference temperature, in seconds.</param>
/// <param name="MaxEquivalentTime">The most equivalent time before over-bake, in seconds.</param>
public sealed record CureWindow(
    double Threshold,
    double MinTimeAboveThreshold,
    double MaxPeakTemperature,
    double ActivationEnergy,
    double ReferenceTemperature,
    double MinEquivalentTime,
    double MaxEquivalentTime);
