using System.Text.RegularExpressions;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// R3: the booking's own page carries the QR the kiosk reads, so a person without the mail at hand shows the page; a
/// booking that can no longer be checked in shows none, nor the documents to bring (R10).
/// </summary>
public sealed partial class BookingPageQrTests : LiveDayTest
{
    [Fact]
    public async Task TheBookingsPage_ShowsTheQrTheKioskReadsAndWhatToBring_UntilTheBookingEnds()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var booked = await BookAsync(renewal, Wed(9, 0), "phone");
        var page = $"/b/{booked.Code}?token={Uri.EscapeDataString(App.Tokens.Manage(booked.Id))}";

        var html = await Http.GetStringAsync(page);
        Assert.Contains("Without these documents the appointment cannot be served.", html, StringComparison.Ordinal);
        var qr = QrOn(html);
        Assert.Equal(App.Tokens.QrText(booked.Code), qr);
        At(8, 55);
        Assert.Equal("CheckedIn", (await ScanAsync(qr!)).Status);

        var cancelled = await BookAsync(renewal, Wed(11, 0), "cancelled");
        var cancelledPage = $"/b/{cancelled.Code}?token={Uri.EscapeDataString(App.Tokens.Manage(cancelled.Id))}";
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Http.PostAsync($"/api/bookings/{cancelled.Code}/cancel?token={App.Tokens.Manage(cancelled.Id)}", null)).StatusCode);
        var ended = await Http.GetStringAsync(cancelledPage);
        Assert.Null(QrOn(ended));
        // Nor does an ended booking still say what to bring.
        Assert.DoesNotContain("Without these documents", ended, StringComparison.Ordinal);
    }

    /// <summary>The text of the page's QR image, read back from its pixels; null when the page has none.</summary>
    static string? QrOn(string html) =>
        QrImage().Match(html) is { Success: true } m ? QrReader.Decode(Convert.FromBase64String(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))) : null;

    [GeneratedRegex("<figure class=\"booking-qr\">\\s*<img src=\"data:image/png;base64,([^\"]+)\"")]
    private static partial Regex QrImage();
}
