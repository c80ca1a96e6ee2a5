namespace FactoryTwin.Thermal.Solver;

/// <summary>
/// A kernel over x-rows of a structured grid (row = j + Ny·k). Implemented by readonly structs so that
/// <see cref="RowDriver.Run{TKernel}"/> is specialized by the JIT with no virtual calls.
/// </summary>
internal interface IRowKernel
{
    /// <summary>Processes rows [<paramref name="start"/>, <paramref name="end"/>).</summary>
    void Rows(int start, int end);
}
