using FactoryTwin.Model.Distributions;

namespace FactoryTwin.Model.Plants;

/// <summary>The setup time for one particular change (from one colour or variant to another).</summary>
/// <param name="From">The colour or variant id of the previous part.</param>
/// <param name="To">The colour or variant id of the next part.</param>
/// <param name="Time">The setup time, in seconds.</param>
public sealed record SetupChange(string From, string To, Distribution Time);
