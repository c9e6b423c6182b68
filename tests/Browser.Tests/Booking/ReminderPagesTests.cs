using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Rantevou.Hub.Jobs;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Booking;

/// <summary>R2: the reminder's links in a real browser, Greek and English, keyboard and axe clean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReminderPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>Tuesday 1 December 2026, 12:00 in Athens: the default reminder moment for Wednesday's bookings.</summary>
    static readonly DateTimeOffset TuesdayNoon = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReleaseLink_OpensAnAccessiblePage_WhoseButtonFreesTheSlot_InGreekAndEnglish()
    {
        await BookConfirmedAsync("eleni@example.org", "el", 2);
        await BookConfirmedAsync("john@example.org", "en", 8);
        App.Clock.SetUtcNow(TuesdayNoon);
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None));
        await App.DispatchMailAsync();
        var mails = await Smtp.WaitForAsync(6);

        await Page.GotoAsync(Link(mails, "eleni@example.org", "/release"));
        await ExpectHeadingAsync("Αποδέσμευση της θέσης σας");
        await AssertAccessibleAsync("release page in Greek");
        await Page.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("reminder-release.png"), FullPage = true });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Δεν μπορώ να έρθω — αποδεσμεύστε τη θέση μου" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Η θέση σας αποδεσμεύτηκε");
        await Expect(Page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await AssertAccessibleAsync("release done in Greek");

        await Page.GotoAsync(Link(mails, "john@example.org", "/release"));
        await ExpectHeadingAsync("Release your slot");
        await AssertAccessibleAsync("release page in English");
        await Page.GotoAsync(Link(mails, "john@example.org", "/coming"));
        await ExpectHeadingAsync("Will you come to your appointment?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "I will come" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("We have noted that you will come");
        await AssertAccessibleAsync("coming done in English");

        await Page.GotoAsync("/b/AAAAAAAA/release?token=wrong&culture=en");
        await ExpectHeadingAsync("Page not found");
    }

    async Task BookConfirmedAsync(string email, string culture, int slot)
    {
        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var service = (await http.ServicesAsync())[0];
        var start = (await http.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 2)))[slot].Start;
        var booked = await http.BookOkAsync(service.Id, start, email);
        var id = await App.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.Id).SingleAsync());
        (await http.PostAsync($"/api/bookings/{booked.Code}/confirm?token={App.Tokens.Confirm(id)}", null)).EnsureSuccessStatusCode();
    }

    string Link(IEnumerable<MimeMessage> mails, string to, string path)
    {
        var reminder = mails.Single(m => m.To.Mailboxes.Single().Address == to && Regex.IsMatch(m.TextBody ?? "", "/b/[^/]+/coming"));
        return Regex.Matches(reminder.TextBody!, Regex.Escape(App.BaseUrl) + @"/b/\S+").Select(m => m.Value).Single(l => l.Contains(path + "?", StringComparison.Ordinal));
    }
}
