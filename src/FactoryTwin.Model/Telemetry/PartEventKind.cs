namespace FactoryTwin.Model.Telemetry;

/// <summary>Whether a part entered or left an asset.</summary>
public enum PartEventKind
{
    /// <summary>The part entered the asset (<c>enter</c>).</summary>
    Enter,

    /// <summary>The part left the asset (<c>exit</c>).</summary>
    Exit,
}
