using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>Immutable edits of a plant model for oven work: find an oven, replace it, replace point exposures.</summary>
public static class OvenPlantEdits
{
    /// <summary>Lists the ovens of a plant.</summary>
    /// <param name="model">The plant.</param>
    /// <returns>The oven stations, in file order.</returns>
    public static IReadOnlyList<Station> Ovens(PlantModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Elements().OfType<Station>().Where(s => s.Oven is not null)];
    }

    /// <summary>Finds an oven.</summary>
    /// <param name="model">The plant.</param>
    /// <param name="oven">The oven station's id.</param>
    /// <returns>The oven, or <see langword="null"/> when the id is not an oven of the plant.</returns>
    public static Oven? FindOven(PlantModel model, AssetId oven)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (model.FindElement(oven) as Station)?.Oven;
    }

    /// <summary>Returns the plant with one oven replaced.</summary>
    /// <param name="model">The plant.</param>
    /// <param name="ovenId">The oven station's id.</param>
    /// <param name="oven">The new oven.</param>
    /// <returns>The new plant.</returns>
    public static PlantModel WithOven(PlantModel model, AssetId ovenId, Oven oven)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(oven);
        return model with
        {
            Areas = model.Areas.Select(a => a with
            {
                Lines = a.Lines.Select(l => l with
                {
                    Stations = l.Stations.Select(s => s.Id == ovenId ? s with { Oven = oven } : s).ToValueList(),
                }).ToValueList(),
            }).ToValueList(),
        };
    }

    /// <summary>Returns the plant with new zone heat-transfer coefficients for one oven.</summary>
    /// <param name="model">The plant.</param>
    /// <param name="ovenId">The oven station's id.</param>
    /// <param name="heatTransfer">One coefficient per zone, in W/(m²·K), in zone order.</param>
    /// <returns>The new plant.</returns>
    public static PlantModel WithHeatTransfer(PlantModel model, AssetId ovenId, IReadOnlyList<double> heatTransfer)
    {
        ArgumentNullException.ThrowIfNull(heatTransfer);
        var oven = FindOven(model, ovenId) ?? throw new ArgumentException($"'{ovenId}' is not an oven of this plant.", nameof(ovenId));
        if (heatTransfer.Count != oven.Zones.Count)
        {
            throw new ArgumentException("one coefficient per zone is needed.", nameof(heatTransfer));
        }

        return WithOven(model, ovenId, oven with { Zones = oven.Zones.Select((z, i) => z with { HeatTransferCoefficient = heatTransfer[i] }).ToValueList() });
    }

    /// <summary>Returns the plant with new exposure factors for points of one body style.</summary>
    /// <param name="model">The plant.</param>
    /// <param name="style">The body style.</param>
    /// <param name="exposures">The new exposure factor of each point to change.</param>
    /// <returns>The new plant.</returns>
    public static PlantModel WithExposures(PlantModel model, BodyStyleId style, IReadOnlyDictionary<PointId, double> exposures)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(exposures);
        return model with
        {
            BodyStyles = model.BodyStyles.Select(b => b.Id != style ? b : b with
            {
                Points = b.Points.Select(p => exposures.TryGetValue(p.Id, out var e) ? p with { ExposureFactor = e } : p).ToValueList(),
            }).ToValueList(),
        };
    }
}
