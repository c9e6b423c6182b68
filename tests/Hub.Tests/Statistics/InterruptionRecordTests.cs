using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Hub.Tests.LiveDay;

namespace Rantevou.Hub.Tests.Statistics;

/// <summary>
/// R13: an interruption at a desk is stored as the day happens, with the person and the clerk, and the statistics count
/// it, its minutes, the clerk's work and what became of the interrupted.
/// </summary>
public sealed class InterruptionRecordTests : LiveDayTest
{
    [Fact]
    public async Task AnInterruptedWalkIn_IsRecordedWithItsDeskAndMinutes_AndCountedInTheStatistics()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var service = await ServiceAsync("Replace old paper licence");
        At(9, 0);
        var ticket = await WalkInAsync(service);
        var clerk = await ClerkAsync();
        Assert.Equal(ticket.Ticket, (await clerk.CallNextAsync(desk))!.Label);
        At(9, 10);
        await clerk.ActAsync(desk, "interrupt");
        At(9, 12);
        Assert.Equal(ticket.Ticket, (await clerk.CallNextAsync(desk))!.Label);
        At(9, 20);
        await clerk.ActAsync(desk, "complete");

        var stored = await App.WithDbAsync(db => db.Interruptions.AsNoTracking().SingleAsync());
        Assert.Equal((desk, service, true, Wed(9, 0).UtcDateTime, Wed(9, 10).UtcDateTime, new DateOnly(2026, 12, 2)),
            (stored.DeskId, stored.ServiceId, stored.WalkIn, stored.CalledUtc, stored.AtUtc, stored.Day));
        // The row names the ticket and the clerk who had called it, and the ticket keeps its caller.
        var clerkId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "clerk1@example.org").Select(u => u.Id).SingleAsync());
        var walkIn = await App.WithDbAsync(db => db.WalkInTickets.AsNoTracking().SingleAsync());
        Assert.Equal((walkIn.Id, (Guid?)null, clerkId, clerkId), (stored.TicketId!.Value, stored.BookingId, stored.CalledByUserId, walkIn.CalledByUserId));
        var admin = await Clerk.LoginAsync(App, "admin@example.org");
        var s = (await admin.Http.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-12-02&to=2026-12-02"))!;
        Assert.Equal(1, s.Interruptions);
        // At the desk 09:00–09:10, then 09:12–09:20: 18 minutes; the wait runs from the ticket to its last call (12).
        var d = s.Desks.Single(x => x.DeskId == desk);
        Assert.Equal((1, 18.0, 1), (d.Served, d.BusyMinutes, d.Interruptions));
        Assert.Equal(new WaitFigures(1, 12, 12), s.Waiting.WalkIns);
        Assert.Equal(new InterruptedFigures(1, 1, 0), s.Interrupted);
        Assert.Equal([new ClerkStatisticsDto(clerkId, "Υπάλληλος 1", 1, 18)], s.Clerks);
    }
}
