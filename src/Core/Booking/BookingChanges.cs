using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Booking;

/// <summary>Changes to an existing booking, each told by email (R2).</summary>
public sealed partial class BookingService
{
    /// <summary>The booking for the holder of its manage token; 404 for anyone else, so codes cannot be probed.</summary>
    public async Task<Outcome<Booking>> GetAsync(string? code, string? manageToken, CancellationToken ct)
    {
        var booking = await BookingByCode.FindAsync(db, code, ct);
        return booking is not null && tokens.IsManage(booking.Id, manageToken) ? booking : Problem.NotFound();
    }

    /// <summary>R7: the person confirms from the link in the email, proving the address. Confirming twice is harmless.</summary>
    public async Task<Outcome<Booking>> ConfirmAsync(string? code, string? confirmToken, CancellationToken ct)
    {
        var booking = await BookingByCode.FindAsync(db, code, ct);
        if (booking is null || !tokens.IsConfirm(booking.Id, confirmToken))
            return Problem.NotFound();
        if (booking.Status == BookingStatus.Confirmed)
            return booking;
        if (!BookingStates.Allows(BookingStep.Confirm, booking.Status))
            return Problem.Conflict(MessageKeys.NotChangeable);
        if (booking.HoldUntilUtc <= Now)
            return Problem.Conflict(MessageKeys.HoldExpired);
        var confirm = booking.MoveTo(BookingStep.Confirm);
        booking.ConfirmedUtc = Now;
        booking.HoldUntilUtc = null;
        return await SaveChangeAsync(booking, confirm, releaseClaims: false, ct);
    }

    public async Task<Outcome<Booking>> CancelAsync(string? code, string? manageToken, CancellationToken ct)
    {
        var found = await GetAsync(code, manageToken, ct);
        if (!found.Ok)
            return found;
        var booking = found.Value;
        if (!BookingStates.Allows(BookingStep.CancelByHolder, booking.Status))
            return Problem.Conflict(MessageKeys.NotChangeable);
        return await CancelFoundAsync(booking, ct);
    }

    /// <summary>The holder's cancellation of an active booking: its time is freed at once and the person told (R2).</summary>
    async Task<Outcome<Booking>> CancelFoundAsync(Booking booking, CancellationToken ct)
    {
        var cancel = booking.MoveTo(BookingStep.CancelByHolder);
        booking.ClosedUtc = Now;
        booking.HoldUntilUtc = null;
        return await SaveChangeAsync(booking, cancel, releaseClaims: true, ct);
    }

    /// <summary>Moves an active booking to another start; the new time is claimed in the same transaction that frees the old one.</summary>
    public async Task<Outcome<Booking>> RescheduleAsync(string? code, string? manageToken, string? start, CancellationToken ct)
    {
        var found = await GetAsync(code, manageToken, ct);
        if (!found.Ok)
            return found;
        var booking = found.Value;
        if (!booking.IsActive)
            return Problem.Conflict(MessageKeys.NotChangeable);
        var office = await OfficeLoader.LoadAsync(db, booking.OfficeId, ct);
        var service = await db.Services.AsNoTracking().Include(s => s.Documents).FirstAsync(s => s.Id == booking.ServiceId, ct);
        var newStart = ParseStart(start, office.TimeZone);
        if (newStart is null)
            return Problem.Invalid(new Dictionary<string, string[]>
            { ["start"] = [string.IsNullOrWhiteSpace(start) ? MessageKeys.Required : MessageKeys.StartInvalid] });
        // R11: the booking keeps the service time it was booked with.
        if (BookingRules.CheckStart(office, booking.DurationMinutes, newStart.Value, Now) is { } notBookable)
            return notBookable;

        var version = booking.Version;
        var before = new Previously(booking.StartUtc);
        var end = newStart.Value.AddMinutes(booking.DurationMinutes);
        // The change touches the day it leaves and the day it moves to (either may be today).
        DateOnly[] days = [OfficeCalendar.LocalDate(booking.StartUtc, office.TimeZone), OfficeCalendar.LocalDate(newStart.Value, office.TimeZone)];
        return await OnFreeDeskAsync(service.Id, newStart.Value, end, booking.Id, office, async desk =>
        {
            // A desk tried before rolled back: the booking is still at the version read.
            booking.Version = version;
            var changedMeanwhile = false;
            var moved = await changes.RunAsync(office, days, async change =>
            {
                // Conditional: only if nobody changed the booking since we read it.
                if (await db.Bookings
                        .Where(b => b.Id == booking.Id && b.Version == version)
                        .ExecuteUpdateAsync(u => u
                            .SetProperty(b => b.StartUtc, newStart.Value)
                            .SetProperty(b => b.EndUtc, end)
                            .SetProperty(b => b.DeskId, desk.Id)
                            // R2: a new time is a new appointment to be reminded of, and asked about again.
                            .SetProperty(b => b.ReminderSentUtc, (DateTime?)null)
                            .SetProperty(b => b.ReminderAnswer, (ReminderAnswer?)null)
                            .SetProperty(b => b.ReminderAnsweredUtc, (DateTime?)null)
                            .SetProperty(b => b.Reschedules, b => b.Reschedules + 1)
                            .SetProperty(b => b.Version, version + 1), ct) == 0)
                {
                    changedMeanwhile = true;
                    return false;
                }
                await db.SlotClaims.Where(c => c.BookingId == booking.Id).ExecuteDeleteAsync(ct);
                booking.StartUtc = newStart.Value;
                booking.EndUtc = end;
                booking.DeskId = desk.Id;
                booking.Version = version + 1;
                db.SlotClaims.AddRange(SlotClaim.For(booking));
                change.Mail(mail.Compose(MailKind.Rescheduled, booking, service, office, desk, before: before));
                change.Tell(QueueEventKind.BookingChanged, BookingCode.Display(booking.Code));
                return true;
            }, ct);
            if (changedMeanwhile || !moved)
                return Problem.Conflict(MessageKeys.ChangedMeanwhile);
            ConfirmedDeadline(booking, office);
            return booking;
        }, ct);
    }

    /// <summary>
    /// Pending bookings whose hold has run out go back to the pool, each told by email.
    /// Idempotent: each release is conditional on the booking still being pending at the version read.
    /// </summary>
    public async Task<int> ReleaseExpiredHoldsAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Pending && b.HoldUntilUtc <= now)
            .OrderBy(b => b.HoldUntilUtc).Take(500).ToListAsync(ct);
        var released = 0;
        foreach (var booking in due)
        {
            db.ChangeTracker.Clear();
            var release = booking.MoveTo(BookingStep.ReleaseUnconfirmed);
            booking.ClosedUtc = now;
            booking.HoldUntilUtc = null;
            if ((await SaveChangeAsync(booking, release, releaseClaims: true, ct)).Ok)
                released++;
        }
        return released;
    }

    /// <summary>Writes a status change of a booking read earlier, with its mail, if the booking is still at the version read.</summary>
    async Task<Outcome<Booking>> SaveChangeAsync(Booking booking, BookingTransition transition, bool releaseClaims, CancellationToken ct)
    {
        var kind = transition.Mail!.Value;
        var service = await db.Services.AsNoTracking().Include(s => s.Documents).FirstAsync(s => s.Id == booking.ServiceId, ct);
        var office = await OfficeLoader.LoadAsync(db, booking.OfficeId, ct);
        var desk = await db.Desks.AsNoTracking().FirstAsync(d => d.Id == booking.DeskId, ct);
        var copy = kind == MailKind.Released ? await AgentCopyAsync(booking, ct) : null;
        var version = booking.Version;
        db.ChangeTracker.Clear();
        try
        {
            // The holder's own changes reach the screens too: a cancelled appointment of today leaves the display.
            await changes.RunAsync(office, OfficeCalendar.LocalDate(booking.StartUtc, office.TimeZone), async change =>
            {
                db.Bookings.Attach(booking);
                db.Entry(booking).State = EntityState.Modified;
                booking.Version = version + 1;
                db.Entry(booking).Property(b => b.Version).OriginalValue = version;
                change.Mail(mail.Compose(kind, booking, service, office, desk));
                if (copy is not null)
                    change.Mail(mail.Compose(kind, booking, service, office, desk, copy));
                await db.SaveChangesAsync(ct);
                if (releaseClaims)
                    await db.SlotClaims.Where(c => c.BookingId == booking.Id).ExecuteDeleteAsync(ct);
                change.Tell(QueueEventKind.BookingChanged, BookingCode.Display(booking.Code));
                return true;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Problem.Conflict(MessageKeys.ChangedMeanwhile);
        }
        ConfirmedDeadline(booking, office);
        return booking;
    }

    /// <summary>R7: when a citizen never confirmed a booking an agent made, the agent is told too ("both are told").</summary>
    async Task<MailRecipient?> AgentCopyAsync(Booking b, CancellationToken ct)
    {
        if (b.AgentId is null)
            return null;
        var agent = await db.Users.AsNoTracking().Where(u => u.Id == b.AgentId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (agent?.Email is null || string.Equals(agent.Email, b.Email, StringComparison.OrdinalIgnoreCase))
            return null;
        return new MailRecipient(agent.DisplayName, agent.Email);
    }
}
