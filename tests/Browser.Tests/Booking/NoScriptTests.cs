using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Booking;

/// <summary>Everything is plain forms and links: a browser with JavaScript off books, confirms and cancels.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoScriptTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override bool JavaScript => false;

    [Fact]
    public async Task BookConfirmAndCancel_WorkWithJavaScriptDisabled()
    {
        var t = Texts.Greek;
        await BookAsync(t, "13:00");
        await ExpectHeadingAsync(t.CheckEmail);

        await Page.GotoAsync(LinkIn(await NextMailAsync(1), confirm: true));
        await Page.GetByRole(AriaRole.Button, new() { Name = t.ConfirmButton }).ClickAsync();
        await Expect(Page.Locator(".status")).ToHaveTextAsync(t.Confirmed);
        await NextMailAsync(2);

        await Page.GetByRole(AriaRole.Link, new() { Name = t.Cancel }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = t.CancelYes }).ClickAsync();
        await Expect(Page.Locator(".status")).ToHaveTextAsync(t.Cancelled);
        await NextMailAsync(3);
    }

    [Fact]
    public async Task ContinuingWithoutATime_AsksForOne()
    {
        var t = Texts.Greek;
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.BookService }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Day }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Continue }).ClickAsync();

        await ExpectHeadingAsync("Διαλέξτε ώρα");
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("Διαλέξτε μια ώρα.");
    }
}
