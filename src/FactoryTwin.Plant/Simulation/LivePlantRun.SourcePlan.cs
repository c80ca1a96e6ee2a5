using FactoryTwin.Model.Ids;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Simulation;

public sealed partial class LivePlantRun
{
    /// <summary>One source's engine release plan: the plant plan's answer in engine attributes.</summary>
    private sealed class SourcePlan(LivePlantRun run, AssetId source, IBodyReleasePlan plan) : IReleasePlan
    {
        public ReleaseDecision Decide(double now, Span<ushort> attributes)
        {
            var body = plan.Decide(source, now);
            switch (body.Kind)
            {
                case ReleaseDecisionKind.Release:
                    attributes[PlantPartAttributes.Variant] = (ushort)run.VariantIndex(body.Variant);
                    attributes[PlantPartAttributes.Colour] = (ushort)run.ColourIndex(body.Colour);
                    run._observer.PendingOrder = body.Order;
                    return ReleaseDecision.Release;
                case ReleaseDecisionKind.Wait:
                    return ReleaseDecision.WaitUntil(body.RetryAt);
                default:
                    return ReleaseDecision.Mix;
            }
        }
    }

    private int VariantIndex(VariantId variant) =>
        PlantPartAttributes.IndexOf(Simulation.Plant, variant) is var i and >= 0
            ? i
            : throw new InvalidOperationException($"The release plan asked for variant '{variant.Value}', which the plant does not have.");

    private int ColourIndex(ColourId colour) =>
        PlantPartAttributes.IndexOf(Simulation.Plant, colour) is var i and >= 0
            ? i
            : throw new InvalidOperationException($"The release plan asked for colour '{colour.Value}', which the plant does not have.");
}
