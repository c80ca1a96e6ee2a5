global using Bunit;
global using FactoryTwin.Dashboard.Tests.TestSupport;
global using FactoryTwin.Server.Components.Dashboard.Data;
