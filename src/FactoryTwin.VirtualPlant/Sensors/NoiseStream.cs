namespace FactoryTwin.VirtualPlant.Sensors;

/// <summary>
/// A small seeded random stream (SplitMix64, Steele, Lea &amp; Flood 2014) for sensor noise and random disturbances:
/// the same seed and stream id give the same numbers on every machine and .NET version.
/// </summary>
internal struct NoiseStream
{
    private ulong _state;

    public NoiseStream(ulong seed, ulong stream)
    {
        _state = (seed * 0x9E3779B97F4A7C15UL) ^ (stream * 0xBF58476D1CE4E5B9UL) ^ 0x94D049BB133111EBUL;
    }

    /// <summary>Returns a number in (0, 1).</summary>
    public double NextOpen()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((z >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>Returns a standard normal variate (Box–Muller, one per pair, no cached state).</summary>
    public double NextNormal()
    {
        double u1 = NextOpen(), u2 = NextOpen();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Returns an exponential variate with the given mean.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(NextOpen());

    /// <summary>FNV-1a-64 of a name: a stream id that follows the name, not its position.</summary>
    public static ulong IdOf(string name)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in name)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return h;
    }
}
