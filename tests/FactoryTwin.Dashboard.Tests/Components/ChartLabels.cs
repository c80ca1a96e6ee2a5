using System.Globalization;
using AngleSharp.Dom;

namespace FactoryTwin.Dashboard.Tests.Components;

/// <summary>Reads where a chart's SVG text sits, estimating its width in the 11 px chart font (6.4 px a character).</summary>
internal static class ChartLabels
{
    public static (double X0, double Y0, double X1, double Y1) Box(IElement text)
    {
        var x = double.Parse(text.GetAttribute("x")!, CultureInfo.InvariantCulture);
        var y = double.Parse(text.GetAttribute("y")!, CultureInfo.InvariantCulture);
        var width = text.TextContent.Length * 6.4;
        var x0 = text.GetAttribute("text-anchor") switch
        {
            "end" => x - width,
            "middle" => x - (width / 2),
            _ => x,
        };
        return (x0, y - 10, x0 + width, y + 2);
    }

    public static bool Overlap((double X0, double Y0, double X1, double Y1) a, (double X0, double Y0, double X1, double Y1) b) =>
        a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1;
}
