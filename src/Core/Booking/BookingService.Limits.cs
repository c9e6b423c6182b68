using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Booking;

/// <summary>R12 for a new booking: the person's and the agent's limits, counted inside the booking's transaction.</summary>
public sealed partial class BookingService
{
    /// <summary>What the transaction reads before its inserts, in one statement.</summary>
    sealed record Counts(long ConfigVersion, int AgentMade, int? AgentQuota, int ActiveOfService, int OnDay, int NoShows);

    /// <summary>
    /// R12, counted inside the insert's transaction in one statement with the office's configuration version:
    /// an agent's bookings made this office day and its own quota; one person's (the same email or the same mobile)
    /// upcoming bookings of the service, bookings of the booking's day and recent no-shows. The counts a booking does
    /// not need are not made (an agent booking for itself is limited by its quota, not as a person).
    /// The indexed keys (Booking.EmailKey, Mobile, AgentId) keep each count to a handful of rows.
    /// </summary>
    Task<Counts> CountAsync(Booking b, Office office, CancellationToken ct)
    {
        var zone = office.TimeZone;
        var now = Now;
        var isAgent = b.AgentId is not null;
        var agentFrom = OfficeCalendar.DayStartUtc(OfficeCalendar.LocalDate(now, zone), zone);
        var asPerson = !(isAgent && b.Status == BookingStatus.Confirmed);
        var (from, to) = OfficeCalendar.DayUtc(OfficeCalendar.LocalDate(b.StartUtc, zone), zone);
        var noShows = asPerson && office.NoShowLimit > 0;
        var since = now.AddDays(-office.NoShowWindowDays);
        return CountQuery.For(db)(db, office.Id, isAgent, b.AgentId, agentFrom, asPerson, b.EmailKey, b.Mobile, b.ServiceId, now, from, to,
            noShows, since, ct);
    }

    /// <summary>Compiled once, as <see cref="DeskLoads"/>; a count a booking does not need is behind a false flag.</summary>
    static readonly CompiledQuery<Func<RantevouDbContext, int, bool, string?, DateTime, bool, string, string, int, DateTime, DateTime, DateTime, bool,
        DateTime, CancellationToken, Task<Counts>>> CountQuery = new(() => EF.CompileAsyncQuery(
        (RantevouDbContext db, int officeId, bool isAgent, string? agent, DateTime agentFrom, bool asPerson, string email, string mobile,
            int serviceId, DateTime now, DateTime from, DateTime to, bool noShows, DateTime since, CancellationToken ct) =>
            db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => new Counts(
                o.ConfigVersion,
                isAgent ? db.Bookings.Count(x => x.AgentId == agent && x.CreatedUtc >= agentFrom) : 0,
                isAgent ? db.Users.Where(u => u.Id == agent).Select(u => u.DailyQuota).FirstOrDefault() : null,
                asPerson ? db.Bookings.Count(x => (x.EmailKey == email || x.Mobile == mobile)
                    && (x.Status == BookingStatus.Pending || x.Status == BookingStatus.Confirmed) && x.ServiceId == serviceId && x.EndUtc > now) : 0,
                asPerson ? db.Bookings.Count(x => (x.EmailKey == email || x.Mobile == mobile)
                    && (x.Status == BookingStatus.Pending || x.Status == BookingStatus.Confirmed) && x.StartUtc >= from && x.StartUtc < to) : 0,
                noShows ? db.Bookings.Count(x => (x.EmailKey == email || x.Mobile == mobile) && x.Status == BookingStatus.NoShow && x.StartUtc >= since) : 0))
            .First()));

    /// <summary>
    /// R12: an agent makes at most its own quota (<see cref="Accounts.AppUser.DailyQuota"/>), else the office's
    /// <see cref="Office.AgentDailyQuota"/>, bookings per office day. One person holds at most
    /// <see cref="Office.ActivePerService"/> upcoming bookings of a service and makes at most <see cref="Office.PerDay"/>
    /// bookings for one day: no hoarding of slots for resale. Repeated no-shows lose online booking for a while.
    /// The limits are the office's settings (R11: the administrators change them).
    /// </summary>
    static Problem? Limit(Booking b, Office office, Counts counts)
    {
        if (b.AgentId is not null && counts.AgentMade >= (counts.AgentQuota ?? office.AgentDailyQuota))
            return Problem.Conflict(MessageKeys.AgentQuota);
        if (b.AgentId is not null && b.Status == BookingStatus.Confirmed)
            return null; // An agent booking for itself books many times as itself; its quota applies instead.
        if (counts.ActiveOfService >= office.ActivePerService)
            return Problem.Conflict(MessageKeys.PersonServiceLimit);
        if (counts.OnDay >= office.PerDay)
            return Problem.Conflict(MessageKeys.PersonDayLimit);
        if (office.NoShowLimit > 0 && counts.NoShows >= office.NoShowLimit)
            return Problem.Conflict(MessageKeys.NoShowBlocked);
        return null;
    }
}
