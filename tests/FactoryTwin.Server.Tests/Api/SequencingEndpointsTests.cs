using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>POST /api/v1/mes/sequence: engineers sequence bodies or schedule orders; bad input is a 400 naming the field.</summary>
public sealed class SequencingEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sequence_EngineerWithOrders_ExpandsThemAndKeepsTheHardRatio()
    {
        using var engineer = server.Host.Client(Role.Engineer);
        var request = new
        {
            orders = new object[]
            {
                new { id = "o1", variant = "sedan", colour = "RED", options = new[] { "sunroof" }, quantity = 2 },
                new { id = "o2", variant = "sedan", colour = "BLUE", options = Array.Empty<string>(), quantity = 2 },
                new { id = "o3", variant = "suv", colour = "RED", options = Array.Empty<string>(), quantity = 1 },
            },
            rules = new { options = new[] { new { option = "sunroof", p = 1, q = 2 } } },
            timeLimitSeconds = 10,
        };

        using var response = await engineer.PostAsJsonAsync("api/v1/mes/sequence", request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = json.RootElement;
        Assert.Equal("optimal", root.GetProperty("status").GetString());
        var sequence = root.GetProperty("sequence").EnumerateArray().ToList();
        Assert.Equal(["o1-1", "o1-2", "o2-1", "o2-2", "o3-1"], sequence.Select(s => s.GetProperty("id").GetString()).Order());
        var sunroof = sequence.Select(s => s.GetProperty("options").EnumerateArray().Any(o => o.GetString() == "sunroof")).ToList();
        Assert.DoesNotContain(Enumerable.Range(1, sunroof.Count - 1), i => sunroof[i] && sunroof[i - 1]);
        Assert.Equal(0, root.GetProperty("result").GetProperty("hardViolations").GetInt32());
        Assert.Equal(1, root.GetProperty("baseline").GetProperty("hardViolations").GetInt32());
        // The suv's plain RED body separates the two sunroof bodies: R(s) R R(s) B B, one colour change.
        Assert.Equal(1, root.GetProperty("result").GetProperty("colourChanges").GetInt32());
    }

    [Theory]
    [InlineData("""{}""", "give either bodies or orders")]
    [InlineData("""{"bodies":[{"id":"a","colour":"R"}],"orders":[]}""", "give either bodies or orders")]
    [InlineData("""{"bodies":[{"id":"a"}]}""", "bodies[0] needs an id and a colour")]
    [InlineData("""{"bodies":[{"id":"a","colour":"R"},{"id":"a","colour":"B"}]}""", "body id 'a' appears more than once")]
    [InlineData("""{"bodies":[{"id":"a","colour":"R","due":0}]}""", "due position 0")]
    [InlineData("""{"orders":[{"id":"o","colour":"R","quantity":0}]}""", "orders[0].quantity must be 1")]
    [InlineData("""{"bodies":[{"id":"a","colour":"R"}],"rules":{"batch":"maybe"}}""", "rules.batch must be hard or soft")]
    [InlineData("""{"bodies":[{"id":"a","colour":"R"}],"rules":{"options":[{"option":"x","p":3,"q":2}]}}""", "ratio 3/2")]
    [InlineData("""{"bodies":[{"id":"a","colour":"R"}],"rules":{"maxBatch":0}}""", "maximum batch length is 0")]
    [InlineData("""{"bodies":[{"id":"a","colour":"R"}],"timeLimitSeconds":0}""", "timeLimitSeconds must be")]
    [InlineData("""{"bodies":[{"id":"a","colour":"R"}],"timeLimitSeconds":61}""", "timeLimitSeconds must be")]
    [InlineData("""{"bodies":[{"id":"a","colour":"R"}],"workers":100000}""", "workers must be")]
    public async Task Sequence_BadRequest_ProblemSaysWhatIsWrong(string body, string message)
    {
        using var engineer = server.Host.Client(Role.Engineer);

        using var response = await engineer.PostAsync("api/v1/mes/sequence", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Operator)]
    public async Task Sequence_BelowEngineer_IsForbidden(Role role)
    {
        using var client = server.Host.Client(role);

        using var response = await client.PostAsync("api/v1/mes/sequence", new StringContent("""{"bodies":[{"id":"a","colour":"R"}]}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
