using System.Net;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>R7: the confirmation link opened again from the mail, after confirming, offers the booking's page, not a second confirm button.</summary>
public sealed class ConfirmLinkAgainTests : AppTest
{
    [Fact]
    public async Task TheConfirmLinkOpenedAgainAfterConfirming_SaysSo_AndLeadsToTheBooking_WithNoButtonToPress()
    {
        var service = await ServiceAsync();
        var booked = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        var confirmLink = $"/b/{booked.Code}/confirm?token={Uri.EscapeDataString(App.Tokens.Confirm(await IdOfAsync(booked.Code)))}";
        Assert.Contains("type=\"submit\"", await Http.GetStringAsync(confirmLink), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"/api/bookings/{booked.Code}/confirm?token={Uri.EscapeDataString(App.Tokens.Confirm(await IdOfAsync(booked.Code)))}", null)).StatusCode);

        var again = await Http.GetStringAsync(confirmLink);

        Assert.Contains("Το ραντεβού έχει ήδη επιβεβαιωθεί.", again, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"submit\"", again, StringComparison.Ordinal);
        Assert.Contains($"href=\"/b/{booked.Code}?token=", again, StringComparison.Ordinal);
    }
}
