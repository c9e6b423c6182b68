using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Booking;

/// <summary>R2: changing a booking from its own page, each change told by email.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ManagePagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Reschedule_FromManagePage_MovesTheBookingAndMailsTheNewTime()
    {
        var t = Texts.Greek;
        await BookAsync(t);
        await Page.GotoAsync(LinkIn(await NextMailAsync(1), confirm: false));
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Reschedule }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Πέμπτη 3 Δεκεμβρίου 2026" }).ClickAsync();
        await Page.GetByLabel("11:15", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = t.RescheduleButton }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(t.Rescheduled);
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Πέμπτη 3 Δεκεμβρίου 2026, 11:15");
        var mail = await NextMailAsync(2);
        Assert.Contains("άλλαξε ώρα", mail.Subject);
        Assert.Contains("11:15", mail.TextBody);
        // Still unconfirmed (R7): the mail asks to confirm again; the kiosk QR comes only with a confirmed booking.
        Assert.Contains("/confirm?token=", mail.TextBody);
        Assert.False(HasQrPng(mail), "an unconfirmed booking gets no kiosk QR");
    }

    [Fact]
    public async Task Cancel_FromManagePage_AsksFirst_ThenCancelsAndMails()
    {
        var t = Texts.Greek;
        await BookAsync(t);
        var manage = LinkIn(await NextMailAsync(1), confirm: false);
        await Page.GotoAsync(manage);
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Cancel }).ClickAsync();

        await ExpectHeadingAsync("Ακύρωση ραντεβού");
        Assert.Equal(0, await App.DispatchMailAsync());
        await Page.GetByRole(AriaRole.Button, new() { Name = t.CancelYes }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Το ραντεβού ακυρώθηκε");
        await Expect(Page.Locator(".status")).ToHaveTextAsync(t.Cancelled);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = t.Reschedule })).ToHaveCountAsync(0);
        var mail = await NextMailAsync(2);
        Assert.Contains("ακυρώθηκε", mail.Subject);
    }

    [Fact]
    public async Task CancelConfirmStep_CanBeLeft_WithoutCancelling()
    {
        var t = Texts.Greek;
        await BookAsync(t);
        await Page.GotoAsync(LinkIn(await NextMailAsync(1), confirm: false));
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Cancel }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Όχι, πίσω" }).ClickAsync();

        await ExpectHeadingAsync(t.ManageTitle);
        await Expect(Page.Locator(".status")).ToHaveTextAsync("Αναμένει επιβεβαίωση");
        Assert.Equal(0, await App.DispatchMailAsync());
    }
}
