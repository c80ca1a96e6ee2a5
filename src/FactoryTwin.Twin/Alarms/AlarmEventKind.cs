namespace FactoryTwin.Twin.Alarms;

/// <summary>What happened to an alarm.</summary>
internal enum AlarmEventKind
{
    Raised,
    Cleared,
    Acknowledged,
    Shelved,
    Unshelved,
    ShelveExpired,
}
