using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Booking;

/// <summary>R1, R2, R7: booking through the real pages, confirming from the email link, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BookingPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Book_InGreek_ConfirmFromMail_ManagePageShowsConfirmed()
    {
        var t = Texts.Greek;
        await BookAsync(t);

        await ExpectHeadingAsync(t.CheckEmail);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "el");
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Τετάρτη 2 Δεκεμβρίου 2026, 09:00");

        var first = await NextMailAsync(1);
        Assert.Equal("maria@example.org", first.To.Mailboxes.Single().Address);
        await Page.GotoAsync(LinkIn(first, confirm: true));
        await ExpectHeadingAsync("Επιβεβαίωση ραντεβού");
        await Page.GetByRole(AriaRole.Button, new() { Name = t.ConfirmButton }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(t.ConfirmedMessage);

        var second = await NextMailAsync(2);
        Assert.True(HasQrPng(second), "the confirmation mail carries the QR code");
        await Page.GotoAsync(LinkIn(second, confirm: false));
        await ExpectHeadingAsync(t.ManageTitle);
        await Expect(Page.Locator(".status")).ToHaveTextAsync(t.Confirmed);
        await Expect(Page.Locator(".facts")).ToContainTextAsync("09:00");
    }

    [Fact]
    public async Task Book_InEnglish_PagesAndMailsAreInEnglish()
    {
        var t = Texts.English;
        await BookAsync(t, "10:30", "?culture=en");

        await ExpectHeadingAsync(t.CheckEmail);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Wednesday 2 December 2026, 10:30");

        var first = await NextMailAsync(1);
        Assert.Contains("confirm your appointment", first.Subject);
        await Page.GotoAsync(LinkIn(first, confirm: true));
        await Page.GetByRole(AriaRole.Button, new() { Name = t.ConfirmButton, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(t.ConfirmedMessage);

        var second = await NextMailAsync(2);
        Assert.True(HasQrPng(second));
        await Page.GotoAsync(LinkIn(second, confirm: false));
        await Expect(Page.Locator(".status")).ToHaveTextAsync(t.Confirmed);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = t.Reschedule })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ConfirmingTwice_IsHarmless_AndSendsOneConfirmationMail_AndTheLinkAfterwardsLeadsToTheBooking()
    {
        await BookAsync(Texts.Greek);
        var confirmLink = LinkIn(await NextMailAsync(1), confirm: true);
        // The link opened in two tabs before either was pressed: both buttons work, the second changes nothing.
        var second = await Context.NewPageAsync();
        await Page.GotoAsync(confirmLink);
        await second.GotoAsync(confirmLink);
        foreach (var tab in new[] { Page, second })
        {
            await tab.GetByRole(AriaRole.Button, new() { Name = Texts.Greek.ConfirmButton }).ClickAsync();
            await Expect(tab.Locator(".status")).ToHaveTextAsync(Texts.Greek.Confirmed);
        }
        await NextMailAsync(2);
        Assert.Equal(0, await App.DispatchMailAsync());
        Assert.Equal(2, Smtp.Messages.Count);

        // Opened again from the mail later: nothing left to press, only the way to the booking.
        await Page.GotoAsync(confirmLink);
        await Expect(Page.GetByText("Το ραντεβού έχει ήδη επιβεβαιωθεί.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = Texts.Greek.ConfirmButton })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Το ραντεβού σας" }).ClickAsync();
        await Expect(Page.Locator(".status")).ToHaveTextAsync(Texts.Greek.Confirmed);
        await AssertAccessibleAsync("the confirm link opened again");
    }

    [Fact]
    public async Task Details_WithWrongInput_ShowErrorsNextToFieldsAndInSummary()
    {
        var t = Texts.Greek;
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.BookService }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Day }).ClickAsync();
        await Page.GetByLabel("11:00", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Continue }).ClickAsync();
        await FillDetailsAsync(t, "Μαρία Παπαδοπούλου", "not-an-email", "2101234567");
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Submit }).ClickAsync();

        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Σφάλμα:"));
        var summary = Page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync(t.ErrorSummary);
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        var mobile = Page.GetByLabel(t.Mobile, new() { Exact = true });
        await Expect(mobile).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(mobile).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("ελληνικό αριθμό κινητού"));
        await Expect(mobile).ToHaveValueAsync("2101234567");
        await Expect(Page.GetByLabel(t.FullName, new() { Exact = true })).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, await App.DispatchMailAsync());
    }

    [Fact]
    public async Task LostRace_AsksForAnotherTimeOnTheSamePage_KeepingTheDetailsTyped()
    {
        var t = Texts.Greek;
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.BookService }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Day }).ClickAsync();
        await Page.GetByLabel("12:00", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Continue }).ClickAsync();
        await FillDetailsAsync(t, "Μαρία Παπαδοπούλου", "maria@example.org", "6941234567");
        await TakeEveryDeskAsync(Page.Url);

        await Page.GetByRole(AriaRole.Button, new() { Name = t.Submit }).ClickAsync();

        // R1: the time went meanwhile. Another of that day's is chosen right here: nothing typed is typed again.
        await ExpectHeadingAsync("Τα στοιχεία σας");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(t.SlotTaken);
        await Expect(Page.GetByLabel("12:00", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByLabel(t.Email, new() { Exact = true })).ToHaveValueAsync("maria@example.org");
        await Expect(Page.GetByLabel(t.FullName, new() { Exact = true })).ToHaveValueAsync("Μαρία Παπαδοπούλου");
        // Sent again without a time: asked for one, here, the details still kept.
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Submit }).ClickAsync();
        await ExpectHeadingAsync("Τα στοιχεία σας");
        await Expect(Page.Locator("#start-error")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel(t.Email, new() { Exact = true })).ToHaveValueAsync("maria@example.org");
        await Page.Locator("input[name=start]").First.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Submit }).ClickAsync();
        await ExpectHeadingAsync(t.CheckEmail);
    }

    [Fact]
    public async Task WrongToken_ShowsFriendlyNotFound_ApiKeepsProblemDetails()
    {
        await BookAsync(Texts.Greek);
        var manage = LinkIn(await NextMailAsync(1), confirm: false);
        var wrong = manage[..manage.IndexOf("token=", StringComparison.Ordinal)] + "token=nope";

        var response = await Page.GotoAsync(wrong);
        Assert.Equal(404, response!.Status);
        await ExpectHeadingAsync(Texts.Greek.NotFound);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Όλες οι υπηρεσίες" }).First).ToBeVisibleAsync();

        var api = await Page.APIRequest.GetAsync("/api/nothing-here");
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"]);
    }

    /// <summary>Other people book the same start at every desk serving the service, through the API.</summary>
    async Task TakeEveryDeskAsync(string detailsUrl)
    {
        var start = Uri.UnescapeDataString(new Uri(detailsUrl).Query.Split('&').Single(p => p.Contains("start=")).Split('=')[1]);
        var serviceId = int.Parse(new Uri(detailsUrl).Segments[2].TrimEnd('/'));
        for (var i = 0; i < 3; i++)
        {
            var r = await Page.APIRequest.PostAsync("/api/bookings", new()
            {
                DataObject = new { serviceId, start, fullName = "Άλλος Πολίτης", email = $"other{i}@example.org", mobile = "6971234567" },
            });
            Assert.Equal(201, r.Status);
        }
    }
}
