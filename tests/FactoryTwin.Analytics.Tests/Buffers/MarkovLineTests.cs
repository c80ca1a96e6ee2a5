namespace FactoryTwin.Analytics.Tests.Buffers;

public sealed class MarkovLineTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void Throughput_TwoEqualStations_IsHuntsFormula(int buffer)
    {
        // Hunt (1956): two exponential stations of rate μ, saturated first, B slots between them: μ(B + 2)/(B + 3).
        double exact = MarkovLine.Throughput([1.0, 1.0], [buffer]);

        Assert.Equal((buffer + 2.0) / (buffer + 3.0), exact, 1e-9);
    }

    [Fact]
    public void Throughput_ThreeStationsNoBuffers_IsKnownValue()
    {
        // Three balanced exponential stations with no intermediate buffers, blocking after service: 0.5641 μ
        // (Hillier and Boling 1967; Altiok 1997, Table 4.1: 0.564).
        double exact = MarkovLine.Throughput([1.0, 1.0, 1.0], [0, 0]);

        Assert.Equal(0.5641, exact, 3e-4);
    }
}
