namespace FactoryTwin.Thermal.Batch;

/// <summary>
/// The boundary values of one side (west = x = 0, east = x = thickness) of every slab in a <see cref="SlabBatchSolver"/>:
/// heat entering is h·(T∞ − Ts) + εσ(Tr⁴ − Ts⁴). Write the spans before each step; the values hold over that step
/// (for Crank–Nicolson write mid-step values).
/// </summary>
public sealed class SlabSurface
{
    private readonly double[] _data;
    private readonly int _offset;
    private readonly int _count;
    private readonly int _stride;

    internal SlabSurface(double[] data, int offset, int stride, int count)
    {
        _data = data;
        _offset = offset;
        _stride = stride;
        _count = count;
    }

    /// <summary>Per-slab convective heat transfer coefficient h, in W/(m²·K). The default value is 0 (insulated).</summary>
    public Span<double> HeatTransferCoefficient => _data.AsSpan(_offset, _count);

    /// <summary>Per-slab fluid temperature T∞, in kelvin.</summary>
    public Span<double> FluidTemperature => _data.AsSpan(_offset + _stride, _count);

    /// <summary>Per-slab surface emissivity ε in [0, 1]. The default value is 0 (no radiation).</summary>
    public Span<double> Emissivity => _data.AsSpan(_offset + (2 * _stride), _count);

    /// <summary>Per-slab temperature of the radiating surroundings Tr, in kelvin.</summary>
    public Span<double> RadiantTemperature => _data.AsSpan(_offset + (3 * _stride), _count);

    /// <summary>Sets every value of one slab.</summary>
    /// <param name="problem">Slab index.</param>
    /// <param name="heatTransferCoefficient">h, in W/(m²·K).</param>
    /// <param name="fluidTemperature">T∞, in kelvin.</param>
    /// <param name="emissivity">ε in [0, 1].</param>
    /// <param name="radiantTemperature">Tr, in kelvin; NaN means Tr = T∞.</param>
    public void Set(int problem, double heatTransferCoefficient, double fluidTemperature, double emissivity = 0.0, double radiantTemperature = double.NaN)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(problem);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(problem, _count);
        HeatTransferCoefficient[problem] = heatTransferCoefficient;
        FluidTemperature[problem] = fluidTemperature;
        Emissivity[problem] = emissivity;
        RadiantTemperature[problem] = double.IsNaN(radiantTemperature) ? fluidTemperature : radiantTemperature;
    }
}
