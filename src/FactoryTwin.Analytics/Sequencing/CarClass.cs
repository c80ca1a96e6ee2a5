namespace FactoryTwin.Analytics.Sequencing;

/// <summary>One class of a CSPLib car-sequencing instance.</summary>
/// <param name="Id">The class id, as the file gives it.</param>
/// <param name="Count">How many cars of the class are to be made.</param>
/// <param name="Options">Whether the class needs each option, in the instance's option order.</param>
public sealed record CarClass(int Id, int Count, IReadOnlyList<bool> Options);
