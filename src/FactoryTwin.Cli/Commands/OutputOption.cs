using System.CommandLine;
using FactoryTwin.Cli.Output;

namespace FactoryTwin.Cli.Commands;

/// <summary>The <c>--output text|json</c> option shared by every verb.</summary>
internal static class OutputOption
{
    public static Option<OutputFormat> Create()
    {
        var option = new Option<OutputFormat>("--output", "-o")
        {
            Description = "How to print the result: text (tables) or json (one document for scripts).",
            DefaultValueFactory = _ => OutputFormat.Text,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
                switch (token.ToLowerInvariant())
                {
                    case "text":
                        return OutputFormat.Text;
                    case "json":
                        return OutputFormat.Json;
                    default:
                        result.AddError($"'{token}' is not an output format; use text or json.");
                        return OutputFormat.Text;
                }
            },
        };
        option.CompletionSources.Add("text", "json");
        return option;
    }
}
