using System.Collections.Immutable;
using System.Globalization;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// What a contiguous range of replications produced, one row of <see cref="Width"/> numbers per replication, in
/// replication order: the unit of work that can be computed anywhere (a thread, a worker, another node) and joined
/// afterwards. Because replication i depends only on (seed, i), rows computed in chunks and joined with
/// <see cref="Concat"/> are bit-identical to the rows of one run over the whole range.
/// </summary>
public sealed class ReplicationRows
{
    /// <summary>Creates the rows of replications <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    /// <param name="first">The first replication number, at least 0.</param>
    /// <param name="count">The number of replications, at least 0.</param>
    /// <param name="width">The numbers per replication, at least 0.</param>
    /// <param name="values">The rows one after the other: <paramref name="count"/> × <paramref name="width"/> numbers.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the range overflows.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold <paramref name="count"/> × <paramref name="width"/> numbers.</exception>
    public ReplicationRows(int first, int count, int width, ImmutableArray<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        if (first > int.MaxValue - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The replication range must end before int.MaxValue.");
        }

        if (values.IsDefault || (long)values.Length != (long)count * width)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{count} replications of {width} numbers need {(long)count * width} values, not {(values.IsDefault ? 0 : values.Length)}."),
                nameof(values));
        }

        First = first;
        Count = count;
        Width = width;
        Values = values;
    }

    /// <summary>Gets the first replication number.</summary>
    public int First { get; }

    /// <summary>Gets the number of replications.</summary>
    public int Count { get; }

    /// <summary>Gets the replication after the last one (<see cref="First"/> + <see cref="Count"/>).</summary>
    public int End => First + Count;

    /// <summary>Gets the numbers per replication.</summary>
    public int Width { get; }

    /// <summary>Gets the rows one after the other; row r (replication <see cref="First"/> + r) starts at r × <see cref="Width"/>.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>Gets the row of a replication.</summary>
    /// <param name="replication">The absolute replication number, in [<see cref="First"/>, <see cref="End"/>).</param>
    /// <returns>Its <see cref="Width"/> numbers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The replication is outside the range.</exception>
    public ReadOnlySpan<double> Row(int replication)
    {
        if (replication < First || replication >= End)
        {
            throw new ArgumentOutOfRangeException(nameof(replication), replication, string.Create(CultureInfo.InvariantCulture, $"The rows cover replications {First}..{End - 1}."));
        }

        return Values.AsSpan((replication - First) * Width, Width);
    }

    /// <summary>
    /// Splits replications 0 to <paramref name="replications"/> − 1 into contiguous chunks of at most
    /// <paramref name="chunkSize"/>, in order; the last chunk may be shorter.
    /// </summary>
    /// <param name="replications">The number of replications, at least 1.</param>
    /// <param name="chunkSize">The most replications per chunk, at least 1.</param>
    /// <returns>(first, count) of each chunk.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    public static ImmutableArray<(int First, int Count)> Chunks(int replications, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var chunks = ImmutableArray.CreateBuilder<(int, int)>((int)(((long)replications + chunkSize - 1) / chunkSize));
        for (int first = 0; first < replications; first += Math.Min(chunkSize, replications - first))
        {
            chunks.Add((first, Math.Min(chunkSize, replications - first)));
        }

        return chunks.MoveToImmutable();
    }

    /// <summary>
    /// Joins chunks into the rows of one range: given in any order, they must cover a contiguous range of replications
    /// exactly once and have the same width. The result is what one run over the whole range gives, bit for bit.
    /// </summary>
    /// <param name="chunks">The chunks.</param>
    /// <returns>The joined rows.</returns>
    /// <exception cref="ArgumentException">No chunks, different widths, or a gap or overlap (the message names the replications).</exception>
    public static ReplicationRows Concat(IEnumerable<ReplicationRows> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var sorted = chunks.ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("There are no chunks to join.", nameof(chunks));
        }

        if (sorted.Contains(null!))
        {
            throw new ArgumentException("A chunk is null.", nameof(chunks));
        }

        sorted.Sort(static (a, b) => a.First.CompareTo(b.First));
        int width = sorted[0].Width;
        long total = 0;
        for (int c = 0; c < sorted.Count; c++)
        {
            if (sorted[c].Width != width)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The chunk of replications {sorted[c].First}..{sorted[c].End - 1} has {sorted[c].Width} numbers per replication, not {width}."),
                    nameof(chunks));
            }

            if (c > 0 && sorted[c].First != sorted[c - 1].End)
            {
                string what = sorted[c].First < sorted[c - 1].End ? "overlap" : "leave a gap";
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The chunks {sorted[c - 1].First}..{sorted[c - 1].End - 1} and {sorted[c].First}..{sorted[c].End - 1} {what}."),
                    nameof(chunks));
            }

            total += sorted[c].Values.Length;
        }

        if (sorted.Count == 1)
        {
            return sorted[0];
        }

        var values = ImmutableArray.CreateBuilder<double>(checked((int)total));
        foreach (var chunk in sorted)
        {
            values.AddRange(chunk.Values);
        }

        return new ReplicationRows(sorted[0].First, sorted[^1].End - sorted[0].First, width, values.MoveToImmutable());
    }
}
