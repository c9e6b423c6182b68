using System.Net;
using System.Text.RegularExpressions;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>Every signed-in page offers a sign-out: a POST with the antiforgery token, never a link a third party could trigger.</summary>
public sealed partial class SignOutTests : IAsyncLifetime
{
    readonly RantevouApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("admin@example.org", "/admin", "Αποσύνδεση")]
    [InlineData("admin@example.org", "/admin/agents?culture=en", "Sign out")]
    [InlineData("agent@example.org", "/agent", "Αποσύνδεση")]
    [InlineData("school@example.org", "/agent?culture=en", "Sign out")]
    public async Task SignOut_OnTheRolesPage_SignsOut(string email, string page, string button)
    {
        var client = await PageForms.SignInAsync(app, email);
        var html = await client.GetStringAsync(page);
        var form = SignOutForm().Match(html);
        Assert.True(form.Success, "no sign-out form on " + page);
        Assert.Contains(button, form.Value, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", form.Value, StringComparison.Ordinal);

        // A GET (a link, an image on another site) does not sign anyone out.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);

        var token = Token().Match(form.Value).Groups[1].Value;
        var posted = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        // The sign-in page says the session ended.
        var said = page.Contains("culture=en", StringComparison.Ordinal) ? "You have signed out." : "Αποσυνδεθήκατε.";
        Assert.Contains($"role=\"status\"><p>{said}</p>", await client.GetStringAsync(posted.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var after = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefused()
    {
        var client = await PageForms.SignInAsync(app, "admin@example.org");
        var posted = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"/account/logout\"[\\s\\S]*?</form>")]
    private static partial Regex SignOutForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
