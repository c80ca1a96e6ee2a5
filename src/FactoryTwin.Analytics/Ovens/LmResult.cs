namespace FactoryTwin.Analytics.Ovens;

/// <summary>The outcome of <see cref="LevenbergMarquardt.Minimize"/>.</summary>
/// <param name="Parameters">The parameters at the optimum.</param>
/// <param name="Residuals">The residuals there.</param>
/// <param name="StandardErrors">Each parameter's standard error from σ²(JᵀJ)⁻¹, σ² = ‖r‖²/(n − p); infinite when JᵀJ is singular.</param>
/// <param name="Iterations">The iterations taken.</param>
/// <param name="Converged">Whether it stopped on tolerance rather than on the iteration limit.</param>
internal sealed record LmResult(double[] Parameters, double[] Residuals, double[] StandardErrors, int Iterations, bool Converged);
