using System.Net;
using System.Text.RegularExpressions;
using Rantevou.Contracts.Booking;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Documents;

/// <summary>
/// R10 with R12: a scan larger than the office accepts (5 MB by default) is refused on the booking's own page, in words,
/// in the person's language, next to the upload field; never as a bare 413 or a JSON error page, and nothing is kept.
/// </summary>
public sealed partial class LargeUploadPageTests : IAsyncLifetime
{
    readonly RantevouApp app = new();
    HttpClient http = null!;
    BookingCreatedDto booking = null!;

    public async Task InitializeAsync()
    {
        http = app.CreateClient();
        var service = (await http.ServicesAsync()).First(s => s.Documents.Count > 0);
        var start = (await http.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 2)))[0].Start;
        booking = await http.BookOkAsync(service.Id, start);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("", "Το αρχείο είναι πολύ μεγάλο.")]
    [InlineData("&culture=en", "The file is too large.")]
    public async Task SixMegabyteScan_ShowsFileTooLarge_OnTheBookingsPage(string culture, string message)
    {
        var page = $"/b/{booking.Code}?token={Uri.EscapeDataString(booking.ManageToken)}{culture}";
        var html = await http.GetStringAsync(page);
        var action = WebUtility.HtmlDecode(Action().Match(html).Groups[1].Value);
        var form = new MultipartFormDataContent
        {
            { new StringContent(""), "documentId" },
            { new ByteArrayContent(SampleFiles.Pdf(padTo: 6 * 1024 * 1024)), "file", "σάρωση.pdf" },
            { new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken" },
        };

        var posted = await http.PostAsync(action + culture, form);

        var shown = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{(int)posted.StatusCode}: {shown}");
        Assert.Equal("text/html", posted.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"/b/{booking.Code}", posted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(message, shown, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", shown, StringComparison.Ordinal);
        var documentsDir = Path.Combine(app.DataDir, "documents");
        Assert.False(Directory.Exists(documentsDir) && Directory.EnumerateFiles(documentsDir, "*", SearchOption.AllDirectories).Any());
    }

    [GeneratedRegex("<form method=\"post\" enctype=\"multipart/form-data\" action=\"([^\"]+)\"")]
    private static partial Regex Action();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
