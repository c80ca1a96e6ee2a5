using System.Text.Json;

namespace FactoryTwin.Server.Settings;

/// <summary>The settings of one node in a JSON file, read once and replaced atomically (temporary file, then rename).</summary>
internal sealed class FileRuntimeSettingsBacking : IRuntimeSettingsBacking
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lock _lock = new();
    private readonly string _path;
    private RuntimeSettingsDocument? _document;

    public FileRuntimeSettingsBacking(string path)
    {
        _path = path;
        _document = File.Exists(path) ? JsonSerializer.Deserialize<RuntimeSettingsDocument>(File.ReadAllText(path), JsonOptions) : null;
    }

    public RuntimeSettingsDocument? Read()
    {
        lock (_lock)
        {
            return _document;
        }
    }

    public void Write(RuntimeSettingsDocument document)
    {
        lock (_lock)
        {
            var temp = _path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(document, JsonOptions));
            File.Move(temp, _path, overwrite: true);
            _document = document;
        }
    }
}
