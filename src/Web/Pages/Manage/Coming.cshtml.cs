using Microsoft.Extensions.Localization;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Web.Pages.Manage;

/// <summary>R2: "I will come", from the reminder email; recorded for the office's statistics, the booking stays as it is.</summary>
public sealed class ComingModel(BookingService bookings, RantevouDbContext db, AuditRecorder audit, IStringLocalizer<Messages> messages)
    : ReminderAnswerModel(bookings, db, audit, messages)
{
    protected override string AuditAction => "booking.reminder.coming";

    public override bool Answered(BookingEntity b) => b.IsActive && b.ReminderAnswer == ReminderAnswer.Coming;

    protected override Task<Outcome<ReminderOutcome>> AnswerAsync(BookingService bookings, string code, string? token, CancellationToken ct) =>
        bookings.ComingAsync(code, token, ct);
}
