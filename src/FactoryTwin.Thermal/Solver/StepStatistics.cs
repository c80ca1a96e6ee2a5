namespace FactoryTwin.Thermal.Solver;

/// <summary>What the last time step cost.</summary>
/// <param name="Iterations">Iterations of the linear solve (0 for explicit steps and direct solves).</param>
/// <param name="RelativeResidual">Final relative residual ‖b − Ax‖₂/‖b‖₂ (0 for explicit steps and direct solves).</param>
public readonly record struct StepStatistics(int Iterations, double RelativeResidual);
