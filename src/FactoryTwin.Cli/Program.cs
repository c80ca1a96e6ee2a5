namespace FactoryTwin.Cli;

/// <summary>The <c>factorytwin</c> executable.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main() => 0;
}
