namespace FactoryTwin.Server.Settings;

/// <summary>Where the run-time settings are kept: a file of one node, or the database a cluster shares.</summary>
internal interface IRuntimeSettingsBacking
{
    /// <summary>Reads the settings.</summary>
    /// <returns>The settings, or <see langword="null"/> when none were ever stored.</returns>
    RuntimeSettingsDocument? Read();

    /// <summary>Replaces the settings.</summary>
    /// <param name="document">The new settings.</param>
    void Write(RuntimeSettingsDocument document);
}
