namespace FactoryTwin.Thermal.Solver;

/// <summary>A row kernel that also returns a partial sum (a dot product or a norm).</summary>
internal interface IReducingRowKernel
{
    /// <summary>Processes rows [<paramref name="start"/>, <paramref name="end"/>) and returns their partial sum.</summary>
    double Rows(int start, int end);
}
