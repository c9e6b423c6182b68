using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.LiveDay;

/// <summary>
/// Ends bookings with an effect on the live day: expiry of late bookings (R5), voiding (R9) and the end of the
/// office day. Each end is a conditional update, so a sweep run twice, or after a crash, gives the same result.
/// </summary>
public sealed class BookingClosures(RantevouDbContext db, TimeProvider clock, DayChanges changes, IBookingMail mail)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>R5: confirmed bookings nobody checked in for by start + grace are cancelled automatically and told by email.</summary>
    public Task<int> ExpireLateAsync(CancellationToken ct) => ExpireLateAsync(1000, ct);

    /// <summary>
    /// Reads the late bookings <paramref name="page"/> at a time, until a page is not full, so a backlog (after the
    /// server was down, across every office of a shared database) is expired in one pass instead of a page per wake-up.
    /// A page that expired nothing ends the pass too: what stays confirmed there was changed by someone else meanwhile.
    /// </summary>
    public async Task<int> ExpireLateAsync(int page, CancellationToken ct)
    {
        var now = Now;
        var graces = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.GraceMinutes, ct);
        var expired = 0;
        while (true)
        {
            var candidates = await db.Bookings.AsNoTracking()
                .Where(b => b.Status == BookingStatus.Confirmed && b.StartUtc <= now)
                .OrderBy(b => b.StartUtc).Take(page).ToListAsync(ct);
            var before = expired;
            foreach (var b in candidates.Where(b => b.StartUtc.AddMinutes(graces[b.OfficeId]) <= now))
                if (await EndAsync(b, BookingStep.ExpireLate, null, QueueEventKind.Expired, ct))
                    expired++;
            if (candidates.Count < page || expired == before)
                return expired;
        }
    }

    /// <summary>
    /// R5: the earliest instant after <paramref name="after"/> at which a booking still confirmed becomes late (start +
    /// the office's grace), or null when none is waiting. The expiry scheduler sleeps until then. It asks from the
    /// instant its pass began, not from now: a deadline that fell while the pass was expiring is answered (already
    /// past, so the scheduler passes again at once) instead of being left until the maximum wait.
    /// </summary>
    public async Task<DateTime?> NextExpiryAsync(DateTime after, CancellationToken ct)
    {
        DateTime? next = null;
        foreach (var office in await db.Offices.AsNoTracking().Select(o => new { o.Id, o.GraceMinutes }).ToListAsync(ct))
        {
            var (officeId, grace) = (office.Id, office.GraceMinutes);
            var startedAfter = after.AddMinutes(-grace);
            var start = await db.Bookings.AsNoTracking()
                .Where(b => b.OfficeId == officeId && b.Status == BookingStatus.Confirmed && b.StartUtc > startedAfter)
                .MinAsync(b => (DateTime?)b.StartUtc, ct);
            if (start?.AddMinutes(grace) is { } deadline && (next is null || deadline < next))
                next = deadline;
        }
        return next;
    }

    /// <summary>The next closing time of an office that is open today and not yet closed, or null: the scheduler wakes then.</summary>
    public async Task<DateTime?> NextClosingAsync(CancellationToken ct)
    {
        var now = Now;
        DateTime? next = null;
        foreach (var office in await db.Offices.AsNoTracking().Include(o => o.Hours).Include(o => o.SpecialDays).AsSplitQuery().ToListAsync(ct))
        {
            var open = OfficeCalendar.OpenOn(OfficeCalendar.LocalDate(now, office.TimeZone), office.TimeZone, office.Hours, office.SpecialDays);
            if (open is not null && open.CloseUtc > now && (next is null || open.CloseUtc < next))
                next = open.CloseUtc;
        }
        return next;
    }

    /// <summary>R9: a clerk or admin voids a booking with a reason; the person gets an email with it and a link to book again.</summary>
    public async Task<Outcome<BookingEntity>> VoidAsync(string? code, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
            return Problem.Invalid(new Dictionary<string, string[]> { ["reason"] = [MessageKeys.ReasonRequired] });
        if (await BookingByCode.FindAsync(db, code, ct) is not { } b)
            return Problem.NotFound();
        if (!BookingStates.Allows(BookingStep.Void, b.Status))
            return Problem.Conflict(MessageKeys.NotChangeable);
        return await EndAsync(b, BookingStep.Void, reason.Trim(), QueueEventKind.Voided, ct)
            ? await db.Bookings.AsNoTracking().FirstAsync(x => x.Id == b.Id, ct)
            : Problem.Conflict(MessageKeys.ChangedMeanwhile);
    }

    /// <summary>
    /// At closing time: people still waiting are told they could not be served today (bookings by email, tickets on
    /// the display); the day is marked closed once.
    /// </summary>
    public async Task<int> CloseDaysAsync(CancellationToken ct)
    {
        var closed = 0;
        foreach (var office in await db.Offices.AsNoTracking().Include(o => o.Hours).Include(o => o.SpecialDays).AsSplitQuery().ToListAsync(ct))
        {
            var now = Now;
            var day = OfficeCalendar.LocalDate(now, office.TimeZone);
            var open = OfficeCalendar.OpenOn(day, office.TimeZone, office.Hours, office.SpecialDays);
            if (open is null || now < open.CloseUtc)
                continue;
            var from = OfficeCalendar.DayStartUtc(day, office.TimeZone);
            var stillWaiting = BookingStates.From(BookingStep.CloseDay);
            var waiting = await db.Bookings.AsNoTracking()
                .Where(b => b.OfficeId == office.Id && b.StartUtc >= from && b.StartUtc < open.CloseUtc && stillWaiting.Contains(b.Status))
                .ToListAsync(ct);
            foreach (var b in waiting)
                await EndAsync(b, BookingStep.CloseDay, null, QueueEventKind.DayClosed, ct);
            if (await changes.RunAsync(office, day, change => CloseDayInTransactionAsync(change, now, ct), ct))
                closed++;
        }
        return closed;
    }

    /// <summary>
    /// The end of the change's day (today), inside the change's transaction: the day marked closed once, the walk-ins still
    /// waiting closed (their pages say so), and the screens told. At closing time, or earlier when an admin closes today.
    /// False when there was nothing left to close.
    /// </summary>
    public async Task<bool> CloseDayInTransactionAsync(DayChange change, DateTime now, CancellationToken ct)
    {
        var (officeId, day) = (change.Office.Id, change.Today);
        var first = await db.OfficeDays.Where(d => d.OfficeId == officeId && d.Day == day && d.ClosedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClosedUtc, now), ct);
        var tickets = await db.WalkInTickets.Where(t => t.OfficeId == officeId && t.Day == day && t.Status == TicketStatus.Waiting)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, TicketStatus.Closed), ct);
        change.Tell(QueueEventKind.DayClosed, null);
        return first + tickets > 0;
    }

    /// <summary>
    /// Today opened again by an admin after closing it early: the screens stop saying the office is closed. The
    /// walk-ins sent away stay closed: their people were told to leave.
    /// </summary>
    public async Task ReopenDayInTransactionAsync(DayChange change, CancellationToken ct)
    {
        var (officeId, day) = (change.Office.Id, change.Today);
        if (await db.OfficeDays.Where(d => d.OfficeId == officeId && d.Day == day && d.ClosedUtc != null)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClosedUtc, (DateTime?)null), ct) > 0)
            change.Tell(QueueEventKind.DayReopened, null);
    }

    async Task<bool> EndAsync(BookingEntity b, BookingStep step, string? reason, QueueEventKind eventKind, CancellationToken ct)
    {
        var office = await OfficeLoader.LoadAsync(db, b.OfficeId, ct);
        return await changes.RunAsync(office, OfficeCalendar.LocalDate(b.StartUtc, office.TimeZone),
            change => EndInTransactionAsync(change, b, step, reason, eventKind, ct), ct);
    }

    /// <summary>Statuses an office change (R11) ends: booked or waiting, but not yet at a desk.</summary>
    public static readonly BookingStatus[] CancellableByOffice = BookingStates.From(BookingStep.CancelByOffice);

    /// <summary>
    /// R11 with R2: an admin change (service off, day closed, desk off) ends a booking inside the change's own
    /// transaction (<see cref="DayChanges"/>), so the change, the cancellation, its mail and the day's version commit or
    /// roll back together.
    /// </summary>
    public Task<bool> CancelByOfficeAsync(DayChange change, BookingEntity b, string? reason, CancellationToken ct) =>
        EndInTransactionAsync(change, b, BookingStep.CancelByOffice, reason, QueueEventKind.CancelledByOffice, ct);

    /// <summary>The step's conditional update (its row's statuses), the freed time, the step's mail and the screens' event.</summary>
    async Task<bool> EndInTransactionAsync(DayChange change, BookingEntity b, BookingStep step, string? reason,
        QueueEventKind eventKind, CancellationToken ct)
    {
        var now = Now;
        var (from, to, mailKind) = BookingStates.Of(step);
        var changed = await db.Bookings.Where(x => x.Id == b.Id && from.Contains(x.Status)).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.Status, to)
            .SetProperty(x => x.ClosedUtc, now)
            .SetProperty(x => x.HoldUntilUtc, (DateTime?)null)
            .SetProperty(x => x.CalledDeskId, (int?)null)
            .SetProperty(x => x.StatusReason, reason)
            .SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (changed == 0)
            return false;
        await db.SlotClaims.Where(c => c.BookingId == b.Id).ExecuteDeleteAsync(ct);
        // Not MoveTo: the conditional update above was the table's check, and this work may run again (DayChanges).
        b.Status = to;
        b.StatusReason = reason;
        await change.MailAsync(mail, mailKind!.Value, b, ct);
        change.Tell(eventKind, BookingCode.Display(b.Code));
        return true;
    }
}
