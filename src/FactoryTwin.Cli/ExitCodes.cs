namespace FactoryTwin.Cli;

/// <summary>The process exit codes of every verb.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The input is invalid (a plant file with errors) or the work failed.</summary>
    public const int Invalid = 1;

    /// <summary>The command line is wrong: unknown verb or option, missing argument, file not found.</summary>
    public const int Usage = 2;
}
