using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>After signing in, each person lands on the page of their role, or on the page they were sent from if they may open it.</summary>
public sealed class SignInLandingTests : IAsyncLifetime
{
    readonly RantevouApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("agent@example.org", null, "/agent")]
    [InlineData("school@example.org", "", "/agent")]
    [InlineData("clerk1@example.org", null, "/clerk")]
    [InlineData("admin@example.org", null, "/admin")]
    [InlineData("admin@example.org", "/admin/audit?action=admin.", "/admin/audit?action=admin.")]
    [InlineData("admin@example.org", "/clerk", "/clerk")]
    [InlineData("clerk2@example.org", "/clerk?desk=2", "/clerk?desk=2")]
    [InlineData("agent@example.org", "/", "/")]
    // A page the role may not open, or another site, is not where a sign-in ends: the role's own page is.
    [InlineData("agent@example.org", "/clerk", "/agent")]
    [InlineData("agent@example.org", "/admin/agents", "/agent")]
    [InlineData("clerk1@example.org", "/admin", "/clerk")]
    [InlineData("clerk1@example.org", "/Admin/Settings", "/clerk")]
    [InlineData("admin@example.org", "/agent", "/admin")]
    [InlineData("agent@example.org", "https://evil.example/", "/agent")]
    [InlineData("agent@example.org", "//evil.example/", "/agent")]
    public async Task SigningIn_LandsOnTheRolesPage_UnlessAReturnUrlTheyMayOpenIsGiven(string email, string? returnUrl, string expected)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Password"] = PageForms.DemoPassword };
        if (returnUrl is not null)
            fields["ReturnUrl"] = returnUrl;

        var signedIn = await PageForms.PostFormAsync(client, "/account/login", fields);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var landing = signedIn.Headers.Location!.OriginalString;
        Assert.Equal(expected, landing);
        var page = await client.GetAsync(landing);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{landing}: {(int)page.StatusCode} {page.Headers.Location}");
    }

    [Fact]
    public async Task AnAgentSentToTheLoginPage_ByItsPortal_IsBackOnThePortal()
    {
        var client = app.CreateClient();
        var login = await client.GetAsync("/agent");
        Assert.Equal("/account/login", login.RequestMessage!.RequestUri!.AbsolutePath);

        var signedIn = await PageForms.PostFormAsync(client, login.RequestMessage.RequestUri.PathAndQuery,
            new() { ["Email"] = "agent@example.org", ["Password"] = PageForms.DemoPassword, ["ReturnUrl"] = "/agent" });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("/agent", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
