using FactoryTwin.Telemetry.Broker;

namespace FactoryTwin.Telemetry.Tests.Broker;

public sealed class BrokerAccessPolicyTests
{
    private static readonly MqttClientGrant Body = MqttClientGrant.ForLines(["body"]);

    [Theory]
    [InlineData("factorytwin/v1/lakeside/body/respot/state", true)]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/measure", false)]
    [InlineData("factorytwin/v1/lakeside/bodyx/respot/state", false)]
    [InlineData("factorytwin/v1/lakeside/+/respot/state", false)]
    [InlineData("factorytwin/v1/+/body/respot/state", false)]
    [InlineData("factorytwin/v2/lakeside/body/respot/state", false)]
    [InlineData("other/topic", false)]
    [InlineData("", false)]
    public void MayPublish_Device_OnlyUnderItsLines(string topic, bool expected) =>
        Assert.Equal(expected, BrokerAccessPolicy.MayPublish(Body, topic));

    [Theory]
    [InlineData("#", false)]
    [InlineData("$share/g/#", false)]
    [InlineData("factorytwin/v1/lakeside/body/#", true)]
    [InlineData("factorytwin/v1/+/body/#", true)]
    [InlineData("factorytwin/v1/lakeside/+/#", false)]
    [InlineData("factorytwin/v1/lakeside/#", false)]
    [InlineData("factorytwin/#", false)]
    public void MaySubscribe_Device_OnlyUnderItsLinesAndNeverHash(string filter, bool expected) =>
        Assert.Equal(expected, BrokerAccessPolicy.MaySubscribe(Body, filter));

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    public void MaySubscribe_ServiceOrAnonymous_AnythingButHash(bool? service)
    {
        var grant = service is null ? null : MqttClientGrant.Service;

        Assert.True(BrokerAccessPolicy.MaySubscribe(grant, "factorytwin/v1/lakeside/#"));
        Assert.True(BrokerAccessPolicy.MayPublish(grant, "factorytwin/v1/lakeside/paint/ecoat-oven/measure"));
        Assert.False(BrokerAccessPolicy.MaySubscribe(grant, "#"));
    }

    [Theory]
    [InlineData("factorytwin/v1/lakeside/body/respot/state", true)]
    [InlineData("a/b", true)]
    [InlineData("a/#", false)]
    [InlineData("#", false)]
    [InlineData("a/+/b", false)]
    [InlineData("a+b", false)]
    [InlineData("a<NUL>b", false)]
    public void IsValidTopicName_WildcardOrNul_False(string topic, bool expected) =>
        Assert.Equal(expected, BrokerAccessPolicy.IsValidTopicName(topic.Replace("<NUL>", "\0", StringComparison.Ordinal)));
}
