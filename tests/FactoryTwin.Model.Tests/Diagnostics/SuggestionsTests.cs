using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Model.Tests.Diagnostics;

public class SuggestionsTests
{
    [Theory]
    [InlineData("procesingTime", "processingTime")]
    [InlineData("capcity", "capacity")]
    [InlineData("timezone", "timeZone")]
    [InlineData("ovne", "oven")]
    public void Closest_Typo_FindsIntendedWord(string typo, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(typo, ["processingTime", "capacity", "timeZone", "oven", "next", "name"]));

    [Theory]
    [InlineData("xyz")]
    [InlineData("completelyDifferent")]
    [InlineData("next")]
    public void Closest_NoCloseWordOrExactMatch_ReturnsNull(string word) =>
        Assert.Null(Suggestions.Closest(word, ["processingTime", "capacity", "next"]));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("", "abc", 3)]
    public void Distance_KnownPairs_AreOptimalStringAlignment(string a, string b, int expected) =>
        Assert.Equal(expected, Suggestions.Distance(a, b));
}
