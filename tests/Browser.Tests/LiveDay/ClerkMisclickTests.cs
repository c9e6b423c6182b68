using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Rantevou.Browser.Tests.LiveDay.ClerkSteps;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// What one wrong click costs at the desk. "Did not come" beside "call again" closes a walk-in's ticket for good, so it
/// asks first, as it does for appointments (R12); "call next" waits until the person at the desk is finished with; an
/// empty reason for cancelling is said by the page beside its field, in the page's language (the browser's own
/// message speaks the browser's).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkMisclickTests(BrowserFixture browser)
{
    [Fact]
    public async Task AWalkInMarkedAbsent_IsAskedFirst_AndCallNextWaitsUntilThePersonAtTheDeskIsFinishedWith()
    {
        await using var app = await DeskOneDayAsync();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "el-GR" });
        try
        {
            app.Clock.SetUtcNow(Tue(9, 0));
            var ticket = await app.WalkInAsync(await app.ServiceAsync("Driving licence renewal"));
            var page = await context.NewPageAsync();
            await SignInAsync(page, app.BaseUrl);
            var callNext = page.Button("Καλέστε τον επόμενο");

            await callNext.ClickAsync();
            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(ticket);
            await Expect(callNext).ToBeDisabledAsync();
            await Expect(page.Locator("#cur-who")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter"); // a doubled Enter on "call next" presses nothing now
            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(ticket);
            await Expect(page.Button("Ολοκληρώθηκε")).ToBeEnabledAsync();

            await page.Button("Νέα κλήση").ClickAsync();
            await page.Button("Δεν εμφανίστηκε").ClickAsync();
            var ask = page.Locator("#noshow-confirm");
            await Expect(ask).ToContainTextAsync($"Να καταγραφεί ότι ο αριθμός {ticket} δεν εμφανίστηκε;");
            await page.Locator("#noshow-back").ClickAsync();
            await Expect(ask).ToBeHiddenAsync();
            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(ticket);

            await page.Button("Ολοκληρώθηκε").ClickAsync();
            await Expect(page.Locator("#current-empty")).ToBeVisibleAsync();
            await Expect(callNext).ToBeEnabledAsync();
            await Expect(callNext).ToBeFocusedAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task AnEmptyReasonForCancelling_IsSaidByThePage_BesideTheField()
    {
        await using var app = await DeskOneDayAsync();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "el-GR" });
        try
        {
            var (page, code) = await app.CallNineOClockAsync(context);

            await page.Locator("#void-open").ClickAsync();
            await page.Locator("#void-form button[type=submit]").ClickAsync();

            await Expect(page.Locator("#void-reason-error")).ToContainTextAsync("Γράψτε τον λόγο της ακύρωσης: στέλνεται στον πολίτη με email.");
            await Expect(page.Locator("#void-reason")).ToHaveAccessibleDescriptionAsync("Σφάλμα: Γράψτε τον λόγο της ακύρωσης: στέλνεται στον πολίτη με email.");
            await Expect(page.Locator("#void-reason")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#void-reason")).ToBeFocusedAsync();
            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(Core.Booking.BookingCode.Display(code));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
