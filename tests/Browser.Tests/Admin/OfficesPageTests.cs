using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Admin;

/// <summary>
/// The directorate's administrator adds an office in a real browser: the list with each office's pages, the form filled
/// in from the keyboard, a mistake explained next to its field, and the new office chosen on every admin page. Leaves
/// docs/screenshots/admin-offices.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficesPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task DirectoratesAdmin_AddsAnOffice_FromTheKeyboard_AndSwitchesToItOnEveryAdminPage()
    {
        await SignInAsync("/admin/offices", "directorate@example.org");
        await ExpectHeadingAsync("Γραφεία της Διεύθυνσης");
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Γραφείο Μεταφορών Λαυρίου (επίδειξη)" })).ToContainTextAsync("demo-b");
        await AssertAccessibleAsync("/admin/offices");

        await Page.GetByLabel("Σύντομο όνομα").FillAsync("Κοζάνη");
        await Page.GetByLabel("Όνομα (ελληνικά)").FillAsync("Γραφείο Μεταφορών Κοζάνης");
        await Page.GetByLabel("Όνομα (αγγλικά)").FillAsync("Kozani Transport Office");
        await Page.GetByLabel("Θυρίδες").FillAsync("3");
        await Page.GetByLabel("Σάββατο").CheckAsync();
        await Page.GetByLabel("Περιοδικός τεχνικός έλεγχος", new() { Exact = false }).UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Δημιουργία γραφείου" }).PressAsync("Enter");
        await Expect(Page.Locator("#Slug-error")).ToContainTextAsync("πεζά λατινικά");
        await AssertAccessibleAsync("/admin/offices with a mistake");

        await Page.GetByLabel("Σύντομο όνομα").FillAsync("kozani");
        await Page.SetViewportSizeAsync(1280, 900);
        await Page.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("admin-offices.png"), FullPage = true });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Δημιουργία γραφείου" }).PressAsync("Enter");
        await ExpectHeadingAsync("Διαχείριση – Γραφείο Μεταφορών Κοζάνης");

        // The choice holds on the other admin pages, and the office choice lists the new office.
        await Page.GotoAsync("/admin/desks");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Θυρίδα 3" })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Γραφείο", new() { Exact = true })).ToHaveValueAsync("kozani");
    }
}
