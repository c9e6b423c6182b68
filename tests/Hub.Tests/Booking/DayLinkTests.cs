using System.Net;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>R1: a link to a day that takes no bookings (an old link, a weekend) lands on the open days and says why.</summary>
public sealed class DayLinkTests : AppTest
{
    [Fact]
    public async Task ALinkToADayThatTakesNoBookings_LandsOnTheDays_SayingWhy()
    {
        var service = await ServiceAsync();

        var page = WebUtility.HtmlDecode(await Http.GetStringAsync($"/book/{service.Id}/2026-12-05")); // a Saturday

        Assert.Contains("Σάββατο 5 Δεκεμβρίου 2026: δεν κλείνονται ραντεβού αυτή την ημέρα", page, StringComparison.Ordinal);
    }
}
