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
    /// A row of the statement: the office's version and the agent's counts, with one of the person's bookings (none when
    /// the person has none, or is not counted).
    /// </summary>
    sealed record Row(long ConfigVersion, int AgentMade, int? AgentQuota, BookingStatus? Status, int ServiceId, DateTime StartUtc, DateTime EndUtc);

    /// <summary>
    /// R12, read inside the insert's transaction in one statement with the office's configuration version: an agent's
    /// bookings made this office day and its own quota, and one person's bookings (the same email or the same mobile),
    /// from which their upcoming bookings of the service, their bookings of the booking's day and their recent no-shows
    /// are counted here. One search of the person's bookings instead of one per count: SQLite planned the three
    /// "email or mobile" counts anew on every booking, and that planning was most of the statement's time.
    /// The counts a booking does not need are not made (an agent booking for itself is limited by its quota, not as a
    /// person). The indexed keys (Booking.EmailKey, Mobile, AgentId) keep the read to a handful of rows.
    /// </summary>
    async Task<Counts> CountAsync(Booking b, Office office, CancellationToken ct)
    {
        var zone = office.TimeZone;
        var now = Now;
        var isAgent = b.AgentId is not null;
        var agentFrom = OfficeCalendar.DayStartUtc(OfficeCalendar.LocalDate(now, zone), zone);
        var asPerson = !(isAgent && b.Status == BookingStatus.Confirmed);
        var rows = await ReadQuery.For(db)(db, office.Id, isAgent, b.AgentId, agentFrom, asPerson, b.EmailKey, b.Mobile).ToListAsync(ct);
        var first = rows[0];
        var (from, to) = OfficeCalendar.DayUtc(OfficeCalendar.LocalDate(b.StartUtc, zone), zone);
        var since = now.AddDays(-office.NoShowWindowDays);
        var active = rows.Where(p => p.Status is BookingStatus.Pending or BookingStatus.Confirmed).ToList();
        return new Counts(first.ConfigVersion, first.AgentMade, first.AgentQuota,
            active.Count(p => p.ServiceId == b.ServiceId && p.EndUtc > now),
            active.Count(p => p.StartUtc >= from && p.StartUtc < to),
            office.NoShowLimit > 0 ? rows.Count(p => p.Status == BookingStatus.NoShow && p.StartUtc >= since) : 0);
    }

    /// <summary>Compiled once, as <see cref="DeskLoads"/>; what a booking does not need is behind a false flag.</summary>
    static readonly CompiledQuery<Func<RantevouDbContext, int, bool, string?, DateTime, bool, string, string, IAsyncEnumerable<Row>>> ReadQuery =
        new(() => EF.CompileAsyncQuery(
        (RantevouDbContext db, int officeId, bool isAgent, string? agent, DateTime agentFrom, bool asPerson, string email, string mobile) =>
            db.Offices.AsNoTracking().Where(o => o.Id == officeId).SelectMany(
                o => db.Bookings.Where(x => asPerson && (x.EmailKey == email || x.Mobile == mobile)).DefaultIfEmpty(),
                (o, x) => new Row(
                    o.ConfigVersion,
                    isAgent ? db.Bookings.Count(a => a.AgentId == agent && a.CreatedUtc >= agentFrom) : 0,
                    isAgent ? db.Users.Where(u => u.Id == agent).Select(u => u.DailyQuota).FirstOrDefault() : null,
                    x == null ? null : x.Status, x == null ? 0 : x.ServiceId,
                    x == null ? DateTime.MinValue : x.StartUtc, x == null ? DateTime.MinValue : x.EndUtc))));

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
