using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Accounts;

/// <summary>
/// Through the real pages: an administrator sets up two-step sign-in in Greek (the key read off the page, the code
/// computed as a phone would), sees the recovery codes, signs out, and signs in again in English with password and code.
/// Both pages put through axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AdminEnrols_SignsOut_AndSignsInWithPasswordAndCode()
    {
        await SignInAsync("/account/two-factor", "admin@example.org");
        await ExpectHeadingAsync("Σύνδεση σε δύο βήματα");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Κωδικός QR για την εφαρμογή επαλήθευσης" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("/account/two-factor");
        var key = (await Page.Locator("#two-factor-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        await Page.GetByLabel("Κωδικός από την εφαρμογή επαλήθευσης").FillAsync(Totp.Wrong(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ενεργοποίηση" }).ClickAsync();
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("Ο κωδικός δεν είναι σωστός");
        await AssertAccessibleAsync("/account/two-factor with a wrong code");
        await Page.GetByLabel("Κωδικός από την εφαρμογή επαλήθευσης").FillAsync(Totp.Now(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ενεργοποίηση" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Κωδικοί ανάκτησης", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await AssertAccessibleAsync("/account/two-factor with the recovery codes");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Αποσύνδεση" }).ClickAsync();
        await Page.GotoAsync("/account/login?culture=en");
        await Page.GetByLabel("Email").FillAsync("admin@example.org");
        await Page.GetByLabel("Password").FillAsync("Demo!2026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login/two-factor"));
        await ExpectHeadingAsync("Sign in: second step");
        await AssertAccessibleAsync("/account/login/two-factor in English");
        await Page.GetByLabel("Code from the authenticator app").FillAsync(Totp.Now(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin$"));
    }
}
