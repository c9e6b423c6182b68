using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Booking;

/// <summary>How a reminder's link ended: done now, done already (a second click), or the booking can no longer change.</summary>
public enum ReminderReply
{
    Done,
    AlreadyDone,
    NotChangeable,
}

public sealed record ReminderOutcome(ReminderReply Reply, Booking Booking);

/// <summary>R2: the answers to the reminder of the day before. Both are idempotent: a second click is told it is already done.</summary>
public sealed partial class BookingService
{
    /// <summary>The booking for the holder of its reminder token (404 for anyone else), and what its answer would be now.</summary>
    public async Task<Outcome<Booking>> GetForReminderAsync(string? code, string? reminderToken, CancellationToken ct)
    {
        var booking = await BookingByCode.FindAsync(db, code, ct);
        return booking is not null && tokens.IsReminder(booking.Id, reminderToken) ? booking : Problem.NotFound();
    }

    /// <summary>"I will come": recorded once, for the office's statistics; the booking itself does not change.</summary>
    public async Task<Outcome<ReminderOutcome>> ComingAsync(string? code, string? reminderToken, CancellationToken ct)
    {
        var found = await GetForReminderAsync(code, reminderToken, ct);
        if (!found.Ok)
            return found.Problem;
        var id = found.Value.Id;
        var now = Now;
        var recorded = await db.Bookings
            .Where(b => b.Id == id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed) && b.ReminderAnswer == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(b => b.ReminderAnswer, ReminderAnswer.Coming)
                .SetProperty(b => b.ReminderAnsweredUtc, now), ct);
        var booking = await db.Bookings.AsNoTracking().FirstAsync(b => b.Id == id, ct);
        if (recorded > 0)
            return new ReminderOutcome(ReminderReply.Done, booking);
        return new ReminderOutcome(booking.IsActive && booking.ReminderAnswer == ReminderAnswer.Coming
            ? ReminderReply.AlreadyDone : ReminderReply.NotChangeable, booking);
    }

    /// <summary>
    /// "I cannot come": the booking is cancelled through the holder's own cancel path, so its time is free at once and the
    /// cancellation mail follows (R2); the answer is written in the same update. A booking already cancelled is done already.
    /// </summary>
    public async Task<Outcome<ReminderOutcome>> ReleaseAsync(string? code, string? reminderToken, CancellationToken ct)
    {
        var found = await GetForReminderAsync(code, reminderToken, ct);
        if (!found.Ok)
            return found.Problem;
        var booking = found.Value;
        if (booking.Status == BookingStatus.Cancelled)
            return new ReminderOutcome(ReminderReply.AlreadyDone, booking);
        if (!BookingStates.Allows(BookingStep.CancelByHolder, booking.Status))
            return new ReminderOutcome(ReminderReply.NotChangeable, booking);
        booking.ReminderAnswer = ReminderAnswer.Released;
        booking.ReminderAnsweredUtc = Now;
        var cancelled = await CancelFoundAsync(booking, ct);
        return cancelled.Ok ? new ReminderOutcome(ReminderReply.Done, cancelled.Value) : cancelled.Problem;
    }
}
