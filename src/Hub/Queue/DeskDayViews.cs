using System.Globalization;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Queue;

namespace Rantevou.Hub.Queue;

/// <summary>The clerk screen's desk day in the clerk's language, with the advice in words and numbers (R4, R13).</summary>
public static class DeskDayViews
{
    public static DeskDay ToDto(DeskDayView v)
    {
        var zone = v.Office.TimeZone;
        var culture = Language.Current;
        var day = v.Day;
        string Label(Guid id) =>
            day.Bookings.FirstOrDefault(b => b.Id == id) is { } b ? BookingCode.Display(b.Code)
            : day.Tickets.FirstOrDefault(t => t.Id == id)?.Label ?? "";

        var next = v.Next;
        var nextLabel = next.Person is { } p ? Label(p.Id) : null;
        // From now, whatever instant the advice was judged for: with someone at the desk that is the end of their service,
        // and the office still closes at its hour, not that much earlier.
        string Until(DateTime? atUtc) =>
            When(atUtc is { } at ? (int)Math.Floor((at - v.NowUtc).TotalMinutes) : 0, OfficeCalendar.ToLocal(v.NowUtc, zone));
        var said = Messages.Text($"Advice.{next.Reason}", nextLabel ?? "", next.Person?.ServiceMinutes ?? 0, Until(next.NextAppointmentUtc),
            Until(v.Facts.CloseUtc));
        // With someone at the desk the advice is for when their service ends (DeskDayService), and says so.
        var advice = new DeskAdvice(next.Reason.ToString(), v.Current is null ? said : Messages.Text("Advice.AfterCurrent", said),
            nextLabel, next.Person?.ServiceMinutes, next.MinutesToNextAppointment, next.MinutesToClose,
            v.IfClerkJudgesGap is { } judged ? Label(judged.Id) : null);
        var interruption = v.Interruption is { } i
            ? new DeskInterruption(i.Reason.ToString(), InterruptionText(i, Label(i.AppointmentId), OfficeCalendar.ToLocal(i.DueUtc, zone)),
                i.MinutesOverdue, i.ServingMinutesLeft)
            : null;
        var appointments = day.Bookings.Where(b => b.DeskId == v.Desk.Id && OnTheDesksList(b.Status))
            .OrderBy(b => b.StartUtc)
            .Select(b => new DeskAppointment(BookingCode.Display(b.Code), OfficeCalendar.ToLocal(b.StartUtc, zone), b.DurationMinutes,
                b.Status.ToString(), b.Late, b.FullName, v.ServiceNames.GetValueOrDefault(b.ServiceId, ""),
                b.CheckedInUtc is { } c ? OfficeCalendar.ToLocal(c, zone) : null, b.AgentNote,
                BookingRules.CheckInBy(b, v.Office, v.NowUtc) is { } by ? OfficeCalendar.ToLocal(by, zone) : null))
            .ToList();
        var deskServices = day.ServicesByDesk[v.Desk.Id].ToHashSet();
        var walkins = WalkInQueue.Waiting(day).Where(t => deskServices.Contains(t.ServiceId))
            .Select((t, n) => new DeskWalkIn(t.Label, n + 1, t.Priority != WalkInPriority.None, v.ServiceNames.GetValueOrDefault(t.ServiceId, ""),
                t.DurationMinutes, WalkInQueue.EstimatedWaitMinutes(day, t, v.NowUtc)))
            .ToList();
        var numbers = day.Desks.ToDictionary(d => d.Id, d => d.Number);
        var elsewhere = (v.Elsewhere ?? []).Select(w => new DeskWaitingElsewhere(BookingCode.Display(w.Code), OfficeCalendar.ToLocal(w.StartUtc, zone),
            numbers.GetValueOrDefault(w.DeskId), v.ServiceNames.GetValueOrDefault(w.ServiceId, ""))).ToList();
        return new DeskDay(v.Desk.Id, v.Desk.Number, v.Desk.Name(culture), v.Version, v.Current, advice, interruption, appointments, walkins, elsewhere);
    }

    /// <summary>
    /// "in 5 minutes", "in 1 minute", in the last minute "in under a minute" (never "in 0 minutes"), and beyond an hour
    /// the clock time ("at 14:00", not "in 299 minutes"). The minutes are whole ones counted down from now, so the time
    /// is now plus them, rounded up to the minute.
    /// </summary>
    static string When(int minutes, DateTimeOffset now) => minutes switch
    {
        <= 0 => Messages.Text("Advice.InUnderAMinute"),
        1 => Messages.Text("Advice.InOneMinute"),
        <= 60 => Messages.Text("Advice.InMinutes", minutes),
        _ => Messages.Text("Advice.At", CeilToMinute(now.AddMinutes(minutes)).ToString("HH:mm", CultureInfo.InvariantCulture)),
    };

    static DateTimeOffset CeilToMinute(DateTimeOffset t) =>
        t.Ticks % TimeSpan.TicksPerMinute == 0 ? t : t.AddTicks(TimeSpan.TicksPerMinute - t.Ticks % TimeSpan.TicksPerMinute);

    /// <summary>
    /// The desk's confirmed appointments of the day, and those that ended today without being served here: voided (R9)
    /// or expired (R5) stay on the list with their state, so the clerk sees what became of them. Cancelled and released
    /// ones (the holder's doing, or never confirmed) are not the desk's business.
    /// </summary>
    static bool OnTheDesksList(BookingStatus s) =>
        s is BookingStatus.Void or BookingStatus.Expired || (Core.Booking.Booking.OccupiesSlot(s) && s != BookingStatus.Pending);

    /// <summary>
    /// R13: names the due appointment and its time rather than counting minutes, so the words (which the clerk screen's
    /// alert reads out whenever they change) stay the same while it waits; a service already past its time says so.
    /// </summary>
    static string InterruptionText(InterruptionAdvice i, string label, DateTimeOffset due)
    {
        var key = i.Reason == InterruptionReason.AppointmentWaiting && i.ServingMinutesLeft == 0
            ? "Interruption.AppointmentWaiting.Overrun"
            : $"Interruption.{i.Reason}.Named";
        return Messages.Text(key, i.MinutesOverdue, i.ServingMinutesLeft, label, due.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

}
