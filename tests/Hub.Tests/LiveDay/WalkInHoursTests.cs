using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Localization;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// A visitor who presses "walk-in" while the office is closed (R6: tickets only in working hours) is told so at once,
/// with when the office opens, before choosing a service; a ticket asked for anyway is refused with the same words.
/// The demo office is open on weekdays, 08:00–14:00.
/// </summary>
public sealed class WalkInHoursTests : LiveDayTest
{
    [Fact]
    public async Task BeforeOpening_TheKioskSaysTheOfficeOpensTodayAtEight_AndRefusesATicketWithTheSameWords()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        At(7, 40);

        var hours = await HoursAsync("en");
        var greek = await HoursAsync("el");
        var refused = await Http.PostAsJsonAsync("/api/kiosk/walkins?culture=en", new WalkInRequest(renewal, null));

        Assert.False(hours.Open);
        Assert.Equal(Wed(8, 0), hours.OpensAt);
        Assert.Equal("The office is closed now. It opens today at 08:00.", hours.Message);
        Assert.Equal("Το γραφείο είναι κλειστό τώρα. Ανοίγει σήμερα στις 08:00.", greek.Message);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(MessageKeys.OfficeClosedOpensToday, problem.GetProperty("code").GetString());
        Assert.Equal(hours.Message, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DuringHours_TheKioskTakesWalkIns_UntilClosingTime()
    {
        At(8, 0);
        Assert.Equal(new WalkInHoursResult(true, null, null), await HoursAsync("en"));
        At(13, 59);
        Assert.True((await HoursAsync("en")).Open);
        At(14, 0);
        Assert.False((await HoursAsync("en")).Open);
    }

    [Fact]
    public async Task AfterClosing_TheKioskSaysTomorrow_AndOnFridayTheMondayItOpensAgain()
    {
        At(14, 30);
        var wednesday = await HoursAsync("el");
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.FromHours(2)));
        var friday = await HoursAsync("el");
        var fridayEnglish = await HoursAsync("en");

        Assert.Equal("Το γραφείο είναι κλειστό τώρα. Ανοίγει αύριο στις 08:00.", wednesday.Message);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(2)), friday.OpensAt);
        Assert.Equal("Το γραφείο είναι κλειστό τώρα. Ανοίγει ξανά Δευτέρα 7 Δεκεμβρίου στις 08:00.", friday.Message);
        Assert.Equal("The office is closed now. It opens again on Monday 7 December at 08:00.", fridayEnglish.Message);
    }

    async Task<WalkInHoursResult> HoursAsync(string culture) =>
        (await Http.GetFromJsonAsync<WalkInHoursResult>($"/api/kiosk/walkins/hours?culture={culture}"))!;
}
