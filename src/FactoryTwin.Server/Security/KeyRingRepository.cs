using System.Buffers;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace FactoryTwin.Server.Security;

/// <summary>
/// Stores data-protection keys as XML files in one folder, each written to a temporary file created owner-only (0600) and
/// then renamed, so a key is never readable by other users, not even for a moment, and never half written.
/// </summary>
internal sealed class KeyRingRepository : IXmlRepository
{
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    private readonly string _folder;

    public KeyRingRepository(string folder)
    {
        _folder = folder;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        foreach (var path in Directory.EnumerateFiles(_folder, "*.xml"))
        {
            elements.Add(XElement.Load(path));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = friendlyName is { Length: > 0 and <= 100 } && !friendlyName.AsSpan().ContainsAnyExcept(NameChars) ? friendlyName : "key-" + Secrets.NewId();
        WriteOwnerOnly(Path.Combine(_folder, name + ".xml"), element.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>Writes a file that only its owner may read: a temporary file created 0600, then renamed into place.</summary>
    /// <param name="path">The file.</param>
    /// <param name="text">Its content.</param>
    internal static void WriteOwnerOnly(string path, string text)
    {
        var temp = path + "." + Secrets.NewId() + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: false);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
