using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// Changeovers of a station. A machine sets up before processing a part whose key (the value of one of its
/// <see cref="PartAttributes"/>) differs from the key of the previous part it processed; the first part after the start
/// needs none.
/// </summary>
public sealed record SetupOptions
{
    /// <summary>Gets the part attribute whose value is the setup key, 0 to <see cref="PartAttributes.MaxCount"/> − 1.</summary>
    /// <value>The default value is <see cref="PartAttributes.Variant"/>.</value>
    public int Attribute { get; init; } = PartAttributes.Variant;

    /// <summary>Gets the changeover time in seconds when the matrix has no entry.</summary>
    public double DefaultTime { get; init; }

    /// <summary>Gets the number of keys the matrix is sized for (its side length).</summary>
    /// <value>The default value is 0 (no matrix).</value>
    public int KeyCount { get; init; }

    /// <summary>
    /// Gets the optional from→to matrix in seconds, row-major (<c>[from * KeyCount + to]</c>); a NaN entry
    /// means <see cref="DefaultTime"/>.
    /// </summary>
    public ImmutableArray<double> Matrix { get; init; } = [];

    /// <summary>Returns the changeover time from one key to another in seconds.</summary>
    /// <param name="from">The previous key.</param>
    /// <param name="to">The new key.</param>
    /// <returns>The changeover time; 0 when the keys are equal.</returns>
    public double TimeFor(int from, int to)
    {
        if (from == to)
        {
            return 0;
        }

        if (from >= 0 && to >= 0 && from < KeyCount && to < KeyCount && !Matrix.IsDefaultOrEmpty)
        {
            double t = Matrix[(from * KeyCount) + to];
            if (!double.IsNaN(t))
            {
                return t;
            }
        }

        return DefaultTime;
    }
}
