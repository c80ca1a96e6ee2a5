namespace FactoryTwin.Cli.Tests;

public sealed class CliArgumentsTests
{
    [Theory]
    [InlineData("--Server:Port=47443")]
    [InlineData("--Server:Port 47443")]
    [InlineData("--VirtualPlant:Speed=60 --VirtualPlant:StartDay=Monday")]
    [InlineData("--Server:Orleans:SiloPort=11111")]
    public void WithDefaultVerb_SettingFirst_RunsServe(string commandLine)
    {
        var args = commandLine.Split(' ');

        var result = CliArguments.WithDefaultVerb(args);

        Assert.Equal(["serve", .. args], result);
    }

    [Theory]
    [InlineData("")]
    [InlineData("validate samples/plants/automotive.yaml")]
    [InlineData("serve --Server:Port=8443")]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("--output json")]
    [InlineData("--port=8443")]
    [InlineData("--:Port=1")]
    [InlineData("--Server:=1")]
    public void WithDefaultVerb_NoSettingFirst_LeavesTheCommandLine(string commandLine)
    {
        var args = commandLine.Length == 0 ? [] : commandLine.Split(' ');

        var result = CliArguments.WithDefaultVerb(args);

        Assert.Equal(args, result);
    }

    [Theory]
    [InlineData("validate x.yaml --output json")]
    [InlineData("validate x.yaml -o JSON")]
    [InlineData("validate --output=json x.yaml")]
    [InlineData("validate --output:json x.yaml")]
    [InlineData("oven predict x.yaml -o=json")]
    public void AsksForJson_OutputJson_IsTrue(string commandLine)
    {
        Assert.True(CliArguments.AsksForJson(commandLine.Split(' ')));
    }

    [Theory]
    [InlineData("validate x.yaml")]
    [InlineData("simulate x.yaml --output csv")]
    [InlineData("validate x.yaml --output")]
    [InlineData("validate json")]
    [InlineData("validate x.yaml --outputs json")]
    [InlineData("validate x.yaml -- --output json")]
    public void AsksForJson_NoJsonOutput_IsFalse(string commandLine)
    {
        Assert.False(CliArguments.AsksForJson(commandLine.Split(' ')));
    }
}
