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
    sealed record Counts(long ConfigVersion, int AgentMade, int? AgentQuota, IReadOnlyList<Row> ActiveOfService, IReadOnlyList<Row> OnDay, int NoShows);

    /// <summary>
    /// A row of the statement: the office's version and the agent's counts, with one of the person's bookings (none when
    /// the person has none, or is not counted).
    /// </summary>
    sealed record Row(long ConfigVersion, int AgentMade, int? AgentQuota, BookingStatus? Status, int ServiceId, DateTime StartUtc, DateTime EndUtc,
        DateTime? HoldUntilUtc, bool ByEmail);

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
        // A hold past its end holds nothing, whether or not the release job has run yet.
        var active = rows.Where(p => p.Status == BookingStatus.Confirmed || (p.Status == BookingStatus.Pending && !(p.HoldUntilUtc <= now))).ToList();
        return new Counts(first.ConfigVersion, first.AgentMade, first.AgentQuota,
            [.. active.Where(p => p.ServiceId == b.ServiceId && p.EndUtc > now)],
            [.. active.Where(p => p.StartUtc >= from && p.StartUtc < to)],
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
                    x == null ? DateTime.MinValue : x.StartUtc, x == null ? DateTime.MinValue : x.EndUtc,
                    x == null ? null : x.HoldUntilUtc, x != null && x.EmailKey == email))));

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
        if (counts.ActiveOfService.Count >= office.ActivePerService)
            return PersonLimit(MessageKeys.PersonServiceLimit, counts.ActiveOfService, office.ActivePerService, office);
        if (counts.OnDay.Count >= office.PerDay)
            return PersonLimit(MessageKeys.PersonDayLimit, counts.OnDay, office.PerDay, office);
        if (office.NoShowLimit > 0 && counts.NoShows >= office.NoShowLimit)
            return Problem.Conflict(MessageKeys.NoShowBlocked);
        return null;
    }

    /// <summary>
    /// A person's limit, beside the detail that found them (the email, else the mobile). When only bookings still
    /// awaiting confirmation count, it says when enough of their holds run out: a person who mistyped their email never
    /// gets the confirmation link, and waits for the hold instead of a mail that will not come.
    /// </summary>
    static Problem PersonLimit(string key, IReadOnlyList<Row> counted, int limit, Office office)
    {
        var field = counted.Count == 0 || counted.Any(p => p.ByEmail) ? "email" : "mobile";
        var problem = new Problem(ProblemKind.Conflict, key, new Dictionary<string, string[]> { [field] = [key] });
        if (limit <= 0 || counted.Count == 0 || counted.Any(p => p.Status != BookingStatus.Pending || p.HoldUntilUtc is null))
            return problem;
        var free = counted.Select(p => p.HoldUntilUtc!.Value).Order().ElementAt(counted.Count - limit);
        return problem with
        {
            DetailKey = MessageKeys.PersonLimitHolds,
            Args = [OfficeCalendar.ToLocal(free, office.TimeZone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)],
        };
    }
}
