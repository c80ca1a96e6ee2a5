using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Tests;

public class TwinOptionsTests
{
    [Fact]
    public void Check_Defaults_AreValid() => Assert.Empty(TwinOptionsValidator.Check(new TwinOptions()));

    [Fact]
    public void Check_PostgresWithoutConnectionString_NamesTheOption()
    {
        var errors = TwinOptionsValidator.Check(new TwinOptions { Storage = TwinStorageProvider.Postgres });
        Assert.Contains(errors, e => e.Contains("Twin:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_BadValues_NameEachOption()
    {
        var errors = TwinOptionsValidator.Check(new TwinOptions
        {
            DataFolder = " ",
            PersistInterval = TimeSpan.Zero,
            ChangeInterval = TimeSpan.FromSeconds(-1),
            ForecastReplications = 0,
            Storage = (TwinStorageProvider)7,
        });
        foreach (var name in new[] { "DataFolder", "PersistInterval", "ChangeInterval", "ForecastReplications", "Storage" })
        {
            Assert.Contains(errors, e => e.Contains("Twin:" + name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AddFactoryTwin_BadConfiguration_FailsAtStartNamingTheOption()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Twin:ForecastReplications"] = "-3";
        var error = Assert.Throws<OptionsValidationException>(() => builder.AddFactoryTwin());
        Assert.Contains("Twin:ForecastReplications", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100001")]
    public void AddFactoryTwin_ForecastChunkSizeOutOfRange_FailsAtStartNamingTheOption(string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Twin:ForecastChunkSize"] = value;
        var error = Assert.Throws<OptionsValidationException>(() => builder.AddFactoryTwin());
        Assert.Contains($"Twin:ForecastChunkSize must be in 1..100000, not {value}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100001")]
    public void AddFactoryTwin_WhatIfChunkSizeOutOfRange_FailsAtStartNamingTheOption(string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Twin:WhatIfChunkSize"] = value;
        var error = Assert.Throws<OptionsValidationException>(() => builder.AddFactoryTwin());
        Assert.Contains($"Twin:WhatIfChunkSize must be in 1..100000, not {value}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFactoryTwin_Configuration_BindsTheTwinSection()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Twin:DataFolder"] = "/var/lib/factorytwin";
        builder.Configuration["Twin:ChangeInterval"] = "00:00:00.5";
        builder.AddFactoryTwin();
        using var host = builder.Build();
        var options = host.Services.GetService(typeof(IOptions<TwinOptions>)) as IOptions<TwinOptions>;
        Assert.Equal("/var/lib/factorytwin", options!.Value.DataFolder);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Value.ChangeInterval);
    }
}
