using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Admin;
using Rantevou.Core.LiveDay;
using Rantevou.Hub.Tests.LiveDay;

namespace Rantevou.Hub.Tests.Statistics;

/// <summary>
/// The late arrival's choice of the end of the day (R5) and the clerk who calls are stored on the booking as they happen,
/// and the statistics read them from there.
/// </summary>
public sealed class DayFactsForStatisticsTests : LiveDayTest
{
    [Fact]
    public async Task ALateArrivalChoosingTheEndOfTheDay_AndTheClerkCallingThem_AreStored_AndCounted()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var service = await ServiceAsync("Replace old paper licence");
        var booked = await BookAsync(service, Wed(9, 0), "endofday");
        await MailAsync(2);
        At(9, 30);
        await using (var scope = App.Scope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<BookingClosures>().ExpireLateAsync(CancellationToken.None));
        await MailAsync(1);

        At(9, 40);
        Assert.Equal("Deferred", (await EndOfDayAsync(booked.Qr)).Status);
        await MailAsync(1);
        var clerk = await ClerkAsync();
        At(9, 45);
        Assert.Equal(booked.Label, (await clerk.CallNextAsync(desk))!.Label);
        At(9, 57);
        await clerk.ActAsync(desk, "complete");

        var row = await RowAsync(booked);
        var clerkId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "clerk1@example.org").Select(u => u.Id).SingleAsync());
        Assert.Equal((Wed(9, 40).UtcDateTime, clerkId), (row.EndOfDayChosenUtc, row.CalledByUserId));
        var admin = await Clerk.LoginAsync(App, "admin@example.org");
        var s = (await admin.Http.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-12-02&to=2026-12-02"))!;
        // One chose the end of the day and was served; the clerk served one, 09:45–09:57.
        Assert.Equal((1, 1), (s.Arrivals.EndOfDayChosen, s.Arrivals.EndOfDayServed));
        Assert.Equal([new ClerkStatisticsDto(clerkId, "Υπάλληλος 1", 1, 12)], s.Clerks);
    }
}
