using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Agents;

/// <summary>Signing in from the sign-in page lands on the role's page; the page offers a sign-out that signs out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInOutTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("agent@example.org", "/agent", "Πύλη συνεργατών")]
    [InlineData("admin@example.org", "/admin", "Διαχείριση")]
    public async Task SigningIn_LandsOnTheRolesPage_AndSignOutSignsOut(string email, string landing, string heading)
    {
        await SignInAsync("/account/login", email);

        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(landing) + "$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        await Expect(Page.Locator(".site-signout")).ToContainTextAsync(email);
        await AssertAccessibleAsync(landing + " with the sign-out");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Αποσύνδεση" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/account/login\\?signedOut=True$"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Αποσυνδεθήκατε.");
        await Expect(Page.Locator(".site-signout")).ToHaveCountAsync(0);
        await Page.GotoAsync(landing);
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl="));
    }
}
