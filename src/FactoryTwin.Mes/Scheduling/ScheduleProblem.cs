using System.Globalization;
using System.Text;

namespace FactoryTwin.Mes.Scheduling;

/// <summary>One problem found in an imported schedule, with where it is in the document.</summary>
/// <param name="Line">The 1-based line in the document; 0 when the problem concerns the whole document.</param>
/// <param name="Position">The 1-based character position in the line; 0 with <paramref name="Line"/> 0.</param>
/// <param name="Code">The kind of problem.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record ScheduleProblem(int Line, int Position, ScheduleProblemCode Code, string Message)
{
    /// <summary>Gets the code in kebab case, as printed (<c>unknown-colour</c>).</summary>
    public string CodeName
    {
        get
        {
            var name = Code.ToString();
            var text = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                if (char.IsUpper(name[i]) && i > 0)
                {
                    text.Append('-');
                }

                text.Append(char.ToLowerInvariant(name[i]));
            }

            return text.ToString();
        }
    }

    /// <summary>Formats the problem as <c>line:position: error code: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Line}:{Position}: error {CodeName}: {Message}");
}
