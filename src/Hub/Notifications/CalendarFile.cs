using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Rantevou.Hub.Notifications;

/// <summary>What the calendar file says about the appointment; <see cref="Uid"/> is the booking's for its whole life.</summary>
public sealed record CalendarEntry(
    string Uid, int Sequence, DateTime StartUtc, DateTime EndUtc, string Summary, string Location, string Description,
    string Organizer, DateTime StampUtc);

/// <summary>
/// An .ics event for the appointment (Ical.Net), so it lands in the person's calendar, and every later mail updates that
/// one event (R2): same UID, a higher SEQUENCE (RFC 5545 §3.8.7.4: calendars ignore an update that is not newer), and a
/// cancellation as METHOD:CANCEL / STATUS:CANCELLED, which RFC 5546 §3.2.5 gives an ORGANIZER.
/// </summary>
public static class CalendarFile
{
    public const int AlarmHoursBefore = 2;

    public static string Event(CalendarEntry e, bool cancelled)
    {
        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "PUBLISH" };
        var appointment = new CalendarEvent
        {
            Uid = e.Uid,
            Sequence = e.Sequence,
            DtStamp = new CalDateTime(e.StampUtc, "UTC"),
            DtStart = new CalDateTime(e.StartUtc, "UTC"),
            DtEnd = new CalDateTime(e.EndUtc, "UTC"),
            Summary = e.Summary,
            Location = e.Location,
            Description = e.Description,
            Organizer = new Organizer("mailto:" + e.Organizer),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        };
        // R2: the calendar itself reminds the person shortly before, in time to set out (the email did the day before).
        if (!cancelled)
            appointment.Alarms.Add(new Alarm { Action = AlarmAction.Display, Description = e.Summary, Trigger = new Trigger(Duration.FromHours(-AlarmHoursBefore)) });
        calendar.Events.Add(appointment);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar file came out empty");
    }

    /// <summary>
    /// The booking's version counts its changes. A cancellation is the event's last word and goes one beyond: the live
    /// day's closures (void R9, expiry R5, office cancellation R11) compose their mail with the version read before their
    /// own update, which would otherwise repeat the sequence of the last update.
    /// </summary>
    public static int Sequence(int bookingVersion, bool cancelled) => bookingVersion + (cancelled ? 1 : 0);
}
