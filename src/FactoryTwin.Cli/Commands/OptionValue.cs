using System.CommandLine.Parsing;

namespace FactoryTwin.Cli.Commands;

/// <summary>Reads an option's value inside its validator.</summary>
internal static class OptionValue
{
    /// <summary>
    /// Gets the option's value, or <see langword="false"/> when its text does not convert to <typeparamref name="T"/>.
    /// System.CommandLine runs validators before it reports a conversion error, and <c>GetValueOrDefault</c> throws
    /// for such a value (<c>--rounds x</c>); the parser reports it itself as a usage error ("Cannot parse argument 'x'
    /// for option '--rounds' as expected type 'System.Int32'."), so the validator has nothing to add.
    /// </summary>
    /// <typeparam name="T">The option's type.</typeparam>
    /// <param name="result">The option's parse result.</param>
    /// <param name="value">The value, when it converted.</param>
    /// <returns><see langword="true"/> when the value converted.</returns>
    public static bool TryGet<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }
}
