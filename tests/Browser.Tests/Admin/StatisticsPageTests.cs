using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Admin;

/// <summary>
/// The statistics page in a real browser over three weeks of an office's past: Greek and English, the charts and
/// their tables, the period chosen from the keyboard, axe on each state. Leaves docs/screenshots/statistics.png.
/// </summary>
[Collection(LongBrowserCollection.Name)]
public sealed class StatisticsPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task TheAdmin_ReadsTheStatistics_InGreekAndEnglish_ChoosesAPeriodByKeyboard_AndEveryStateIsAccessible()
    {
        await App.WithDbAsync(async db =>
            await OfficeHistory.WriteAsync(db, await db.Offices.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(),
                new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 27)));
        await SignInAsync("/admin/statistics?from=2026-11-09&to=2026-11-27", "admin@example.org");
        await ExpectHeadingAsync("Στατιστικά");
        await Expect(Page.Locator("#period-shown")).ToContainTextAsync("15 ημέρες λειτουργίας");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Αξιοποίηση των θυρίδων ανά ώρα (%)" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("/admin/statistics");
        await Page.SetViewportSizeAsync(1280, 900);
        // The figures and charts down to the desks' utilisation; the per-desk, per-hour and per-service tables follow.
        await Page.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("statistics.png"), FullPage = true, Clip = new() { X = 0, Y = 0, Width = 1280, Height = 3000 } });

        // A chart's table opens from the keyboard.
        var table = Page.Locator("#waiting-caption ~ details summary");
        await table.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#waiting-caption ~ details table")).ToBeVisibleAsync();
        await AssertAccessibleAsync("/admin/statistics with a chart's table open");

        await Page.GotoAsync("/admin/statistics?period=month&culture=en");
        await ExpectHeadingAsync("Statistics");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "This month" })).ToHaveAttributeAsync("aria-current", "page");
        await Page.GetByLabel("From").FillAsync("2026-11-16");
        await Page.GetByLabel("To").FillAsync("2026-11-20");
        await Page.GetByLabel("To").PressAsync("Enter");
        await Expect(Page.Locator("#period-shown")).ToContainTextAsync("5 open days");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Arrival against the appointment time" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("/admin/statistics in English for a chosen week");
    }
}
