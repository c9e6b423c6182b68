using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Rantevou.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Admin;

/// <summary>
/// Through the real pages: an admin invites a clerk (no password from the admin), the clerk sets one from the
/// mail's link and works at the assigned desk only; forgot password in English. Every page put through axe.
/// </summary>
[Collection(LongBrowserCollection.Name)]
public sealed class StaffAccountsTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AdminInvitesAClerk_TheClerkSetsAPasswordFromTheMail_AndWorksAtTheAssignedDeskOnly()
    {
        await SignInAsync("/admin/staff", "admin@example.org");
        await ExpectHeadingAsync("Προσωπικό");
        await AssertAccessibleAsync("/admin/staff");
        var invite = Page.Locator("form", new() { HasText = "Αποστολή πρόσκλησης" });
        await invite.GetByLabel("Ονοματεπώνυμο").FillAsync("Ελένη Παππά");
        await invite.GetByLabel("Email").FillAsync("eleni@example.org");
        await invite.GetByRole(AriaRole.Checkbox).Nth(1).CheckAsync();
        await invite.GetByRole(AriaRole.Button, new() { Name = "Αποστολή πρόσκλησης" }).ClickAsync();
        var account = Page.Locator("section", new() { HasText = "eleni@example.org" });
        await Expect(account).ToContainTextAsync("δεν έχει ορίσει ακόμη κωδικό");
        await AssertAccessibleAsync("/admin/staff with an invited clerk");

        var mail = await NextMailAsync(1);
        Assert.Equal("eleni@example.org", mail.To.Mailboxes.Single().Address);
        var clerk = await Context.Browser!.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "el-GR" });
        var page = await clerk.NewPageAsync();
        await page.GotoAsync(SetPasswordLink(mail, english: false));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ορισμός κωδικού");
        await Axe.AssertNoSeriousViolationsAsync(page, "/account/set-password");
        await page.GetByLabel("Νέος κωδικός").FillAsync("Eleni!2026x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ορισμός κωδικού" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));

        await page.GetByLabel("Email").FillAsync("eleni@example.org");
        await page.GetByLabel("Κωδικός πρόσβασης").FillAsync("Eleni!2026x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/clerk"));
        var desks = await App.WithDbAsync(db => db.Desks.Where(d => db.Offices.Any(o => o.Id == d.OfficeId && o.Slug == DemoSeeder.OfficeSlug))
            .OrderBy(d => d.Number).Select(d => d.Id).ToListAsync());
        Assert.Equal(200, (await page.APIRequest.GetAsync($"/api/desks/{desks[1]}/day")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync($"/api/desks/{desks[0]}/day")).Status);
        await clerk.DisposeAsync();
    }

    [Fact]
    public async Task ForgotPassword_InEnglish_MailsALink_ThatSetsANewPasswordOnce()
    {
        await Page.GotoAsync("/account/login?culture=en");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await ExpectHeadingAsync("Forgot your password?");
        await AssertAccessibleAsync("/account/forgot in English");
        await Page.GetByLabel("Email").FillAsync("clerk3@example.org");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("If there is an account with this email");

        var link = SetPasswordLink(await NextMailAsync(1), english: true);
        await Page.GotoAsync(link);
        await ExpectHeadingAsync("Set your password");
        await AssertAccessibleAsync("/account/set-password in English");
        await Page.GetByLabel("New password").FillAsync("Clerk3!2026x");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login"));

        // The link works once; opened again it says so at once and leads to a new one, with no password to type.
        await Page.GotoAsync(link);
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("already used");
        await Expect(Page.GetByLabel("New password")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("/account/set-password with a used link");
    }

    string SetPasswordLink(MimeMessage mail, bool english) =>
        Regex.Matches(mail.TextBody ?? "", Regex.Escape(App.BaseUrl) + @"/account/set-password\S+").Select(m => m.Value)
            .First(l => l.Contains("culture=en", StringComparison.Ordinal) == english);
}
