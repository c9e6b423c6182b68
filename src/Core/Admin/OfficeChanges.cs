using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.Admin;

/// <summary>A booking an admin change breaks, as the admin sees it before confirming.</summary>
/// <param name="Here">The person has checked in and waits in the room: cancelling tells someone who is already there.</param>
public sealed record AffectedBooking(string Code, DateTime StartUtc, string ServiceNameEl, string ServiceNameEn, string MaskedEmail, bool Here = false)
{
    public string Service(string culture) => Language.Pick(culture, ServiceNameEl, ServiceNameEn);
}

/// <summary>
/// Applied, or not applied because bookings would be cancelled, or walk-ins waiting today sent away, and the admin has not
/// confirmed. <paramref name="WalkIns"/>: the walk-in tickets still waiting that a change closing today closes.
/// </summary>
public sealed record ChangeResult(bool Applied, IReadOnlyList<AffectedBooking> Affected, int WalkIns = 0)
{
    /// <summary>Bookings that keep their time at another desk (<see cref="DeskMoves"/>), moved or to be moved on confirmation.</summary>
    public IReadOnlyList<AffectedBooking> Moved { get; init; } = [];
}

/// <summary>
/// R11: changes to services, desks and hours never corrupt existing bookings. Every admin change runs here: it is applied
/// inside a transaction with the office's configuration version bumped (ADR 0016), then the bookings it breaks (service off, desk off or no longer serving it, outside the new
/// hours) are found. A booking broken only by its desk moves to another desk free at its time (<see cref="DeskMoves"/>),
/// without asking through the API (nobody loses anything; the admin pages ask first, <c>askBeforeMoving</c>). Of the rest, unconfirmed, the transaction rolls back and the list is the answer; confirmed, those bookings are
/// cancelled in the same transaction, each with its mail (R2) and the office-day version bumped. A change that closes
/// the rest of today (a special day, new hours) ends today as closing time does: the walk-ins waiting are closed too
/// (counted for the confirmation), and the screens show the office closed.
/// </summary>
public sealed class OfficeChanges(
    RantevouDbContext db, BookingClosures closures, DayChanges changes, TimeProvider clock, OfficeConfigCache configs, DeskMoves moves)
{
    /// <param name="askBeforeMoving">Moves wait for the confirmation too: a person at the admin pages sees who would be
    /// moved (and mailed) before anyone is, where a program calling the API has its moves made at once.</param>
    public async Task<Outcome<ChangeResult>> RunAsync(
        int officeId, bool confirm, Func<CancellationToken, Task<Problem?>> apply, CancellationToken ct, bool askBeforeMoving = false)
    {
        // Bookings already broken before this change are not this change's to cancel.
        var before = (await BrokenAsync(officeId, ct)).Select(b => b.Booking.Id).ToHashSet();
        var office = await OfficeLoader.LoadAsync(db, officeId, ct);
        var today = OfficeDays.Today(office, clock);
        var openBefore = OpenForTheRestOfToday(office, today);
        Problem? problem = null;
        List<AffectedBooking> affected = [];
        var walkIns = 0;
        List<AffectedBooking> moved = [];
        // The change may touch today (hours, desks, a special day), so it runs as a change of today.
        var applied = await changes.RunAsync(office, today, async change =>
        {
            var desksBefore = await ActiveDesksAsync(officeId, ct);
            problem = await apply(ct);
            if (problem is not null)
                return false;
            await db.SaveChangesAsync(ct);
            await OfficeConfigCache.BumpAsync(db, officeId, ct);
            db.ChangeTracker.Clear();
            if (!desksBefore.SequenceEqual(await ActiveDesksAsync(officeId, ct)))
                change.Tell(QueueEventKind.DesksChanged, null);
            var found = (await BrokenAsync(officeId, ct)).Where(b => !before.Contains(b.Booking.Id)).ToList();
            var movedBookings = await moves.MoveAsync(change, [.. found.Where(b => b.DeskOnly).Select(b => b.Booking)], ct);
            moved = await DescribeAsync(movedBookings, ct);
            var movedNow = movedBookings.Select(b => b.Id).ToHashSet();
            var broken = found.Select(b => b.Booking).Where(b => !movedNow.Contains(b.Id)).ToList();
            affected = await DescribeAsync(broken, ct);
            var after = await OfficeLoader.LoadAsync(db, officeId, ct);
            var openAfter = OpenForTheRestOfToday(after, today);
            var closesToday = openBefore && !openAfter;
            walkIns = closesToday
                ? await db.WalkInTickets.CountAsync(t => t.OfficeId == officeId && t.Day == today && t.Status == TicketStatus.Waiting, ct)
                : 0;
            if ((broken.Count > 0 || walkIns > 0 || (askBeforeMoving && moved.Count > 0)) && !confirm)
                return false;
            foreach (var b in broken)
                await closures.CancelByOfficeAsync(change, b, SpecialDayReason(b, after), ct);
            if (closesToday)
                await closures.CloseDayInTransactionAsync(change, clock.GetUtcNow().UtcDateTime, ct);
            else if (!openBefore && openAfter)
                await closures.ReopenDayInTransactionAsync(change, ct);
            return true;
        }, ct);
        if (applied)
            configs.Forget(officeId);
        if (problem is not null)
            return problem;
        return new ChangeResult(applied, affected, walkIns) { Moved = moved };
    }

    /// <summary>
    /// The special day (a strike, a breakdown) that leaves the booking outside the hours, by its name in the booking's
    /// language: its mail says why (R2, R11), not only that the office changed its hours. Null for any other reason.
    /// </summary>
    static string? SpecialDayReason(BookingEntity b, Office office)
    {
        var date = OfficeCalendar.LocalDate(b.StartUtc, office.TimeZone);
        if (office.SpecialDays.FirstOrDefault(s => s.Date == date) is not { } special || WithinHours(b, office))
            return null;
        var name = Language.Pick(b.Culture, special.NameEl, special.NameEn);
        return string.IsNullOrWhiteSpace(name) ? special.NameEl is { Length: > 0 } el ? el : null : name;
    }

    /// <summary>The numbers the displays show a card for (<see cref="QueueSnapshot.Desks"/>).</summary>
    Task<List<int>> ActiveDesksAsync(int officeId, CancellationToken ct) =>
        db.Desks.Where(d => d.OfficeId == officeId && d.Active).OrderBy(d => d.Number).Select(d => d.Number).ToListAsync(ct);

    /// <summary>Today still has office hours ahead (or under way) as the office stands.</summary>
    bool OpenForTheRestOfToday(Office office, DateOnly today) =>
        OfficeCalendar.OpenOn(today, office.TimeZone, office.Hours, office.SpecialDays) is { } open && clock.GetUtcNow().UtcDateTime < open.CloseUtc;

    /// <summary>
    /// Bookings from today on that the office, as it now stands, could not serve; <c>DeskOnly</c> when only their desk
    /// is the reason (the service is on and the time within hours), so another desk may take them.
    /// </summary>
    async Task<List<(BookingEntity Booking, bool DeskOnly)>> BrokenAsync(int officeId, CancellationToken ct)
    {
        var office = await OfficeLoader.LoadAsync(db, officeId, ct);
        var from = OfficeCalendar.DayStartUtc(OfficeDays.Today(office, clock), office.TimeZone);
        var statuses = BookingClosures.CancellableByOffice;
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.OfficeId == officeId && b.StartUtc >= from && statuses.Contains(b.Status))
            .OrderBy(b => b.StartUtc).ToListAsync(ct);
        if (bookings.Count == 0)
            return [];
        var activeServices = (await db.Services.AsNoTracking().Where(s => s.OfficeId == officeId && s.Active)
            .Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var desks = await db.Desks.AsNoTracking().Where(d => d.OfficeId == officeId).Include(d => d.Services).ToListAsync(ct);
        var serving = desks.Where(d => d.Active).SelectMany(d => d.Services.Select(s => (d.Id, s.ServiceId))).ToHashSet();
        return bookings
            .Select(b => (Booking: b, Keeps: activeServices.Contains(b.ServiceId) && WithinHours(b, office), AtDesk: serving.Contains((b.DeskId, b.ServiceId))))
            .Where(b => !b.Keeps || !b.AtDesk)
            .Select(b => (b.Booking, DeskOnly: b.Keeps)).ToList();
    }

    static bool WithinHours(BookingEntity b, Office office)
    {
        var open = OfficeCalendar.OpenOn(OfficeCalendar.LocalDate(b.StartUtc, office.TimeZone), office.TimeZone, office.Hours, office.SpecialDays);
        return open is not null && b.StartUtc >= open.OpenUtc && b.EndUtc <= open.CloseUtc;
    }

    async Task<List<AffectedBooking>> DescribeAsync(List<BookingEntity> bookings, CancellationToken ct)
    {
        var ids = bookings.Select(b => b.ServiceId).Distinct().ToList();
        var names = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => (s.NameEl, s.NameEn), ct);
        return bookings.Select(b => new AffectedBooking(
            BookingCode.Display(b.Code), b.StartUtc, names[b.ServiceId].NameEl, names[b.ServiceId].NameEn, MaskEmail(b.Email),
            b.Status is BookingStatus.CheckedIn or BookingStatus.Deferred)).ToList();
    }

    /// <summary>Enough to recognise a person on the phone, not enough to copy an address (principle 6).</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }
}
