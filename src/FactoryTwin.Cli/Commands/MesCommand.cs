using System.CommandLine;

namespace FactoryTwin.Cli.Commands;

/// <summary><c>factorytwin mes …</c>: the planner's side of the plant (MES): sequencing the day's orders.</summary>
internal static class MesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("mes", "Planning with the MES: sequence the day's bodies through the paint shop.");
        command.Subcommands.Add(MesSequence.Create(stdout, stderr));
        return command;
    }
}
