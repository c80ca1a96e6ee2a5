namespace FactoryTwin.Model.Plants;

/// <summary>What clock the time between failures runs on.</summary>
public enum FailureBasis
{
    /// <summary>Only while the station works (wear failures; <c>operating</c>).</summary>
    Operating,

    /// <summary>All the time, working or not (<c>calendar</c>).</summary>
    Calendar,
}
