using MathNet.Numerics;

namespace FactoryTwin.Simulation.Kernel;

/// <summary>
/// The 256-layer ziggurat for the standard normal (Marsaglia and Tsang 2000, "The Ziggurat Method for Generating
/// Random Variables", J. Stat. Softw. 5(8)), computed once from the tail start <see cref="TailStart"/>.
/// </summary>
/// <remarks>
/// With f(x) = exp(−x²/2), the right half of the density is covered by 256 horizontal layers of equal area
/// <see cref="LayerArea"/>: layer 0 is the rectangle [0, R] × [0, f(R)] plus the tail beyond R, drawn as a
/// rectangle of pseudo-width x₀ = V / f(R); layer i ≥ 1 is [0, xᵢ] × [f(xᵢ), f(xᵢ₊₁)], with x₁ = R,
/// f(xᵢ₊₁) = V / xᵢ + f(xᵢ) and x₂₅₆ = 0. A point of layer i with |x| &lt; xᵢ₊₁ lies under the curve; the
/// rest is the tail (layer 0) or a wedge decided against f.
/// </remarks>
internal static class ZigguratTables
{
    /// <summary>The number of layers: the layer index is the low byte of a random word.</summary>
    public const int LayerCount = 256;

    /// <summary>
    /// The shift that leaves the 52-bit magnitude of a random word: the bits below it are not part of the uniform,
    /// since bits 0–7 are the layer and bit 8 the sign (Doornik 2005: the index and the uniform must not share bits).
    /// </summary>
    public const int MagnitudeShift = 12;

    /// <summary>The bit of a random word that gives the sign.</summary>
    public const ulong SignBit = 1UL << 8;

    /// <summary>
    /// R, where the tail begins: the root for which 256 layers of equal area close exactly at the mode
    /// (Marsaglia and Tsang 2000; the value used by numpy and rand_distr).
    /// </summary>
    public const double TailStart = 3.6541528853610088;

    /// <summary>2⁻⁵², the unit of the 52-bit magnitude.</summary>
    private const double Unit52 = 1.0 / (1UL << 52);

    /// <summary>
    /// V, the area of every layer: R·f(R) + ∫_R^∞ f(x) dx = R·f(R) + √(π/2)·erfc(R/√2).
    /// </summary>
    public static readonly double LayerArea =
        (TailStart * Density(TailStart)) + (Math.Sqrt(Math.PI / 2) * SpecialFunctions.Erfc(TailStart / Math.Sqrt(2)));

    /// <summary>
    /// The right edges x₀ … x₂₅₆ (decreasing; x₀ is the pseudo-width of layer 0, x₁ = R, x₂₅₆ = 0).
    /// </summary>
    public static readonly double[] Edges = ComputeEdges();

    /// <summary>f(xᵢ) for i = 0 … 256: the lower bound of layer i ≥ 1 and the upper bound of layer i − 1.</summary>
    public static readonly double[] EdgeDensities = ComputeEdgeDensities(Edges);

    /// <summary>The fast-path data of each layer, 256 entries, indexed by the low byte of a random word.</summary>
    public static readonly Layer[] Layers = ComputeLayers(Edges);

    /// <summary>f(x) = exp(−x²/2), the unnormalized standard normal density.</summary>
    /// <param name="x">The abscissa.</param>
    /// <returns>exp(−x²/2).</returns>
    public static double Density(double x) => Math.Exp(-0.5 * x * x);

    private static double[] ComputeEdges()
    {
        var x = new double[LayerCount + 1];
        x[0] = LayerArea / Density(TailStart);
        x[1] = TailStart;
        for (int i = 2; i < LayerCount; i++)
        {
            x[i] = Math.Sqrt(-2.0 * Math.Log((LayerArea / x[i - 1]) + Density(x[i - 1])));
        }

        x[LayerCount] = 0.0;
        return x;
    }

    private static double[] ComputeEdgeDensities(double[] edges)
    {
        var f = new double[LayerCount + 1];
        f[0] = 0.0; // layer 0 reaches down to the axis; its wedge is the tail, which does not use this bound
        for (int i = 1; i <= LayerCount; i++)
        {
            f[i] = Density(edges[i]);
        }

        return f;
    }

    private static Layer[] ComputeLayers(double[] edges)
    {
        var layers = new Layer[LayerCount];
        for (int i = 0; i < LayerCount; i++)
        {
            // |x| = m·xᵢ·2⁻⁵² < xᵢ₊₁  ⟺  m < 2⁵²·xᵢ₊₁/xᵢ  ⟺  m < ceil(2⁵²·xᵢ₊₁/xᵢ) for an integer m.
            ulong bound = (ulong)Math.Ceiling(edges[i + 1] / edges[i] * (1UL << 52));
            layers[i] = new Layer(bound, edges[i] * Unit52);
        }

        return layers;
    }

    /// <summary>One layer's fast-path data, kept together so that the common case reads one entry.</summary>
    /// <param name="Bound">Magnitudes (52-bit) below this give a point inside the curve.</param>
    /// <param name="Width">xᵢ·2⁻⁵²: a magnitude times this is the variate's absolute value.</param>
    internal readonly record struct Layer(ulong Bound, double Width);
}
