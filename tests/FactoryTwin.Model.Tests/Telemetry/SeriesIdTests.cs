using System.Text.Json;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Model.Tests.Telemetry;

public sealed class SeriesIdTests
{
    [Fact]
    public void New_AssetAndSensorName_SplitsAtTheFirstSlash()
    {
        var id = new SeriesId("ecoat-oven/ecoat-oven-z1-air");

        Assert.Equal(new AssetId("ecoat-oven"), id.Asset);
        Assert.Equal("ecoat-oven-z1-air", id.Channel);
    }

    [Fact]
    public void New_NameWithoutSlash_IsAllAssetWithAnEmptyChannel()
    {
        var id = new SeriesId("probe");

        Assert.Equal(new AssetId("probe"), id.Asset);
        Assert.Equal(string.Empty, id.Channel);
    }

    [Fact]
    public void Of_Parts_ComposesTheNameAndKeepsTheParts()
    {
        var id = SeriesId.Of(new AssetId("respot"), SeriesId.StateChannel);

        Assert.Equal("respot/state", id.Value);
        Assert.Equal(new AssetId("respot"), id.Asset);
        Assert.Equal(SeriesId.StateChannel, id.Channel);
    }

    [Fact]
    public void Equals_SameNameFromPartsOrFromText_EqualWithTheSameHash()
    {
        var fromParts = SeriesId.Of(new AssetId("respot"), SeriesId.GoodChannel);
        var fromText = new SeriesId("respot/good");

        Assert.Equal(fromParts, fromText);
        Assert.Equal(fromParts.GetHashCode(), fromText.GetHashCode());
        Assert.NotEqual(fromParts, new SeriesId("respot/scrap"));
    }

    [Fact]
    public void Serialize_Json_WritesTheNameOnlyAndReadsItBack()
    {
        var id = SeriesId.Of(new AssetId("respot"), SeriesId.GoodChannel);

        var json = JsonSerializer.Serialize(id);
        var back = JsonSerializer.Deserialize<SeriesId>(json);

        Assert.Equal("""{"Value":"respot/good"}""", json);
        Assert.Equal(id, back);
        Assert.Equal(SeriesId.GoodChannel, back.Channel);
    }
}
