using System.Runtime.CompilerServices;

namespace FactoryTwin.Simulation.Kernel;

/// <summary>
/// One independent pseudo-random stream: xoshiro256** 1.0 (Blackman and Vigna, 2018), seeded from
/// (seed, replication, stream id) through SplitMix64. A mutable value type: pass it by <c>ref</c>.
/// </summary>
/// <remarks>
/// Each source of randomness in a simulation (an element's processing times, its failures, its repairs,
/// its quality draws, its routing, a source's arrivals and mixes) owns one stream whose id is derived from
/// the element's name, so that two scenarios that share element names draw the same numbers for the same
/// purpose (common random numbers), and replications never share a stream.
/// </remarks>
public struct SeededRandom
{
    private const double Unit53 = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates the stream for one (seed, replication, stream id) triple.</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication number (0-based).</param>
    /// <param name="streamId">The id of the source of randomness.</param>
    /// <returns>A stream whose state depends only on the three arguments.</returns>
    public static SeededRandom Create(ulong seed, int replication, ulong streamId)
    {
        // Three rounds of SplitMix64 mixing, each folding in one coordinate, then four SplitMix64
        // outputs as the xoshiro state (the seeding recommended by the xoshiro authors).
        ulong z = SplitMix64.Mix(seed + SplitMix64.Gamma);
        z = SplitMix64.Mix(z ^ SplitMix64.Mix(((ulong)(uint)replication + 1UL) * SplitMix64.Gamma));
        z = SplitMix64.Mix(z ^ SplitMix64.Mix(streamId + unchecked(3UL * SplitMix64.Gamma)));
        var stream = new SeededRandom
        {
            _s0 = SplitMix64.Next(ref z),
            _s1 = SplitMix64.Next(ref z),
            _s2 = SplitMix64.Next(ref z),
            _s3 = SplitMix64.Next(ref z),
        };
        if ((stream._s0 | stream._s1 | stream._s2 | stream._s3) == 0)
        {
            stream._s0 = SplitMix64.Gamma; // the all-zero state is the one xoshiro must avoid
        }

        return stream;
    }

    /// <summary>Returns the next 64 random bits (xoshiro256**).</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>A value in [0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * Unit53;

    /// <summary>Returns a uniform double in the open interval (0, 1), safe for logarithms.</summary>
    /// <returns>A value in (0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * Unit53;

    /// <summary>Returns a standard normal variate (Box–Muller, one of the pair; no cached state).</summary>
    /// <returns>A draw from N(0, 1).</returns>
    public double NextStandardNormal()
    {
        double u1 = NextOpenDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
