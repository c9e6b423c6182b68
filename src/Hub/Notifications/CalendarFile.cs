using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Rantevou.Hub.Notifications;

/// <summary>An .ics event for the appointment (Ical.Net), so it lands in the person's calendar.</summary>
public static class CalendarFile
{
    public static string Event(string uid, DateTime startUtc, DateTime endUtc, string summary, string location, string description, bool cancelled)
    {
        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "PUBLISH" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = uid,
            DtStart = new CalDateTime(startUtc, "UTC"),
            DtEnd = new CalDateTime(endUtc, "UTC"),
            Summary = summary,
            Location = location,
            Description = description,
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
