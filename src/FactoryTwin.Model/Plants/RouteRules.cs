using FactoryTwin.Model.Collections;

namespace FactoryTwin.Model.Plants;

/// <summary>Derives the split rule from the shape of a route list.</summary>
internal static class RouteRules
{
    public static SplitRule SplitOf(ValueList<Route> routes)
    {
        if (routes.Count <= 1)
        {
            return SplitRule.One;
        }

        if (routes[0].Variants.Count > 0)
        {
            return SplitRule.ByVariant;
        }

        return routes[0].Fraction is not null ? SplitRule.ByFraction : SplitRule.FirstAvailable;
    }
}
