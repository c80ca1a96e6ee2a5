namespace FactoryTwin.Cli;

/// <summary>What the command line asks for before System.CommandLine parses it: the default verb, and JSON output.</summary>
internal static class CliArguments
{
    /// <summary>The verb that runs when the first argument is a setting rather than a verb.</summary>
    public const string DefaultVerb = "serve";

    /// <summary>
    /// Puts <see cref="DefaultVerb"/> in front of arguments that start with a configuration setting
    /// (<c>--Section:Key=value</c> or <c>--Section:Key value</c>), so that <c>factorytwin --Server:Port=8443</c> serves
    /// as <c>factorytwin serve --Server:Port=8443</c> does; any other command line is returned unchanged.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <returns>The command line to parse.</returns>
    public static string[] WithDefaultVerb(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && IsSectionSetting(args[0]) ? [DefaultVerb, .. args] : args;
    }

    /// <summary>
    /// Whether <paramref name="token"/> is a configuration key in the command-line syntax of .NET configuration with a
    /// section: <c>--Section:Key=value</c>, or <c>--Section:Key</c> followed by its value.
    /// </summary>
    /// <param name="token">One argument.</param>
    /// <returns><see langword="true"/> for a setting of a section.</returns>
    public static bool IsSectionSetting(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length < 3 || !char.IsLetter(token[2]))
        {
            return false;
        }

        var equals = token.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? token[2..] : token[2..equals];
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < key.Length - 1;
    }

    /// <summary>
    /// Whether the command line asks for <c>--output json</c> (also <c>-o json</c>, <c>--output=json</c>,
    /// <c>--output:json</c>), read from the tokens so that it is known even when the command line does not parse.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <returns><see langword="true"/> when JSON output is asked for.</returns>
    public static bool AsksForJson(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Length; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                return false;
            }

            foreach (var name in (ReadOnlySpan<string>)["--output", "-o"])
            {
                if (token == name && i + 1 < args.Length && IsJson(args[i + 1]))
                {
                    return true;
                }

                if (token.Length == name.Length + 5 && token.StartsWith(name, StringComparison.Ordinal)
                    && token[name.Length] is '=' or ':' && IsJson(token[(name.Length + 1)..]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsJson(string value) => string.Equals(value, "json", StringComparison.OrdinalIgnoreCase);
}
