using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Distributions;

namespace FactoryTwin.Model.Plants;

/// <summary>A changeover: when the attribute <see cref="By"/> differs from the previous part's, the station first sets up.</summary>
/// <param name="By">The attribute whose change causes a setup.</param>
/// <param name="Time">The setup time for any change, in seconds.</param>
/// <param name="Changes">Specific times for particular changes, overriding <paramref name="Time"/>.</param>
public sealed record SetupRule(SetupBasis By, Distribution Time, ValueList<SetupChange> Changes);
