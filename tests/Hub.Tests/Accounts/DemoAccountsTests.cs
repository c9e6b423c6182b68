using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Rantevou.Core.Data;
using Rantevou.Hub.Accounts;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>The demo accounts' password is in the README: only Development, or an explicit Rantevou:SeedDemo, creates them.</summary>
public sealed class DemoAccountsTests
{
    [Theory]
    [InlineData(null, "Development", true)]
    [InlineData(null, "Production", false)]
    [InlineData(null, "Staging", false)]
    [InlineData(null, "Testing", false)]
    [InlineData(true, "Production", true)]
    [InlineData(false, "Development", false)]
    public void DemoAccounts_AreWanted_InDevelopment_OrWhenAskedFor(bool? seedDemo, string environment, bool wanted) =>
        Assert.Equal(wanted, DemoAccounts.Wanted(new RantevouOptions { SeedDemo = seedDemo }, new HostingEnvironment { EnvironmentName = environment }));

    [Fact]
    public async Task NotAskedFor_TheOfficeCatalogueIsCreated_ButNoAccount()
    {
        using var app = new RantevouApp();
        app.Settings["Rantevou:SeedDemo"] = "false";
        using var http = app.CreateClient();

        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.True(await app.WithDbAsync(db => db.Services.CountAsync()) > 0);
        Assert.True(await app.WithDbAsync(db => db.Desks.CountAsync()) > 0);
    }
}
