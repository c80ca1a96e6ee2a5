namespace FactoryTwin.Analytics.Ovens;

/// <summary>
/// A measured oven profile, as a thermal profiler that travels with a body exports it: one time axis and one temperature
/// series per column (probe or zone). See <see cref="OvenProfileReader"/> for the file format.
/// </summary>
/// <param name="Source">The file the profile was read from, as given to the reader.</param>
/// <param name="Times">The sample times, in seconds as written in the file (strictly increasing).</param>
/// <param name="Columns">The temperature columns, in file order.</param>
public sealed record OvenProfile(string Source, IReadOnlyList<double> Times, IReadOnlyList<ProfileColumn> Columns)
{
    /// <summary>Finds a column by its header name (ordinal, case-sensitive).</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The column, or <see langword="null"/>.</returns>
    public ProfileColumn? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
