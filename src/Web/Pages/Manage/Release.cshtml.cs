using Microsoft.Extensions.Localization;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Web.Pages.Manage;

/// <summary>R2: "I cannot come — release my slot", from the reminder email: cancels the booking, its time free at once.</summary>
public sealed class ReleaseModel(BookingService bookings, RantevouDbContext db, AuditRecorder audit, IStringLocalizer<Messages> messages)
    : ReminderAnswerModel(bookings, db, audit, messages)
{
    protected override string AuditAction => "booking.reminder.release";

    public override bool Answered(BookingEntity b) => b.Status == BookingStatus.Cancelled;

    protected override Task<Outcome<ReminderOutcome>> AnswerAsync(BookingService bookings, string code, string? token, CancellationToken ct) =>
        bookings.ReleaseAsync(code, token, ct);
}
