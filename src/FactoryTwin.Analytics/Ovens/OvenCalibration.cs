using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>The result of fitting an oven's zone heat-transfer coefficients and point exposures to a measured profile.</summary>
/// <param name="Oven">The oven.</param>
/// <param name="Style">The body style the profiler rode on.</param>
/// <param name="Zones">Each zone's fitted coefficient.</param>
/// <param name="Points">Each mapped point's fitted exposure.</param>
/// <param name="ResidualRms">The root-mean-square residual over all samples used, in kelvin.</param>
/// <param name="InitialResidualRms">The same with the plant model's values before the fit, in kelvin.</param>
/// <param name="Samples">The number of (time, probe) values fitted.</param>
/// <param name="Iterations">The Levenberg–Marquardt iterations taken.</param>
/// <param name="Converged">Whether the step or the cost change fell below tolerance before the iteration limit.</param>
/// <param name="Model">The plant with the fitted values (the input plant is unchanged).</param>
/// <param name="EntryTime">The profile time taken as the oven entry, in seconds.</param>
/// <param name="EntryTemperature">The metal temperature at entry used in the model, in kelvin.</param>
public sealed record OvenCalibration(
    AssetId Oven,
    BodyStyleId Style,
    IReadOnlyList<FittedZone> Zones,
    IReadOnlyList<FittedPoint> Points,
    double ResidualRms,
    double InitialResidualRms,
    int Samples,
    int Iterations,
    bool Converged,
    PlantModel Model,
    double EntryTime,
    double EntryTemperature);
