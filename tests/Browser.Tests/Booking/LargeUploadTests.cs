using Microsoft.Playwright;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Booking;

/// <summary>R10: a scan over the size limit (5 MB), or no file at all, is refused on the booking's page, in words, next to the field.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeUploadTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("", "Το αρχείο είναι πολύ μεγάλο.", "Αρχείο", "Αποστολή")]
    [InlineData("&culture=en", "The file is too large.", "File", "Send")]
    public async Task SixMegabyteScan_IsRefused_WithTheReasonOnThePage(string culture, string message, string label, string send)
    {
        using var api = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var service = (await api.ServicesAsync()).First(s => s.Documents.Count > 0);
        var start = (await api.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 2)))[0].Start;
        var booked = await api.BookOkAsync(service.Id, start);
        await Page.GotoAsync($"/b/{booked.Code}?token={Uri.EscapeDataString(booked.ManageToken)}{culture}");

        var pdf = new byte[6 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        await Page.GetByLabel(label, new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Page.GetByRole(AriaRole.Button, new() { Name = send, Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        await Expect(Page.GetByLabel(label, new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.EndsWith("#upload", Page.Url, StringComparison.Ordinal);
        await AssertAccessibleAsync("upload refused as too large");
        Assert.False(Directory.Exists(Path.Combine(App.DataDir, "documents"))
            && Directory.EnumerateFiles(Path.Combine(App.DataDir, "documents"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task SendWithNoFileChosen_SaysSoOnThePage_InGreek_NotInTheBrowsersLanguage()
    {
        using var api = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var service = (await api.ServicesAsync()).First(s => s.Documents.Count > 0);
        var booked = await api.BookOkAsync(service.Id, (await api.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 2)))[0].Start);
        await Page.GotoAsync($"/b/{booked.Code}?token={Uri.EscapeDataString(booked.ManageToken)}");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Αποστολή", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Επιλέξτε ένα αρχείο.");
        await Expect(Page.GetByLabel("Αρχείο", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
    }
}
