using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;
using Rantevou.Core.Slots;

namespace Rantevou.Web.Booking;

/// <summary>A bookable day of a service and how many start times are still free on it.</summary>
public sealed record OpenDay(DateOnly Date, int FreeSlots);

/// <summary>A page of open days, and where the next page starts (null at the horizon).</summary>
public sealed record DayPage(IReadOnlyList<OpenDay> Days, DateOnly? Next);

/// <summary>R1: the days and times a service can be booked, as the pages offer them, in office local time.</summary>
public sealed class BookableDays(RantevouDbContext db, AvailabilityService availability, TimeProvider clock)
{
    public const int PageSize = 10;

    public async Task<(Service Service, Office Office)?> ServiceAsync(int serviceId, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Documents).Include(s => s.Group)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == serviceId && s.Active, ct);
        return service is null ? null : (service, await OfficeLoader.LoadAsync(db, service.OfficeId, ct));
    }

    /// <summary>Open days from <paramref name="from"/> (today when null) up to the horizon; closed days and holidays are skipped.</summary>
    public async Task<DayPage> OpenDaysAsync(Office office, int serviceId, DateOnly? from, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BookingRules.Today(office, now);
        var last = BookingRules.LastBookableDate(office, now);
        var days = new List<OpenDay>();
        var date = from is { } f && f > today ? f : today;
        for (; date <= last && days.Count < PageSize; date = date.AddDays(1))
        {
            if (OfficeCalendar.OpenOn(date, office.TimeZone, office.Hours, office.SpecialDays) is null)
                continue;
            var free = (await SlotsAsync(office, serviceId, date, ct)).Count;
            // Today after the cut-off has nothing left; offering it would only disappoint.
            if (free > 0 || date != today)
                days.Add(new OpenDay(date, free));
        }
        return new DayPage(days, date <= last ? date : null);
    }

    public async Task<IReadOnlyList<DateTimeOffset>> SlotsAsync(Office office, int serviceId, DateOnly date, CancellationToken ct)
    {
        var slots = await availability.ForDayAsync(serviceId, date, ct);
        return slots.Ok ? slots.Value.Select(s => OfficeCalendar.ToLocal(s.StartUtc, office.TimeZone)).ToList() : [];
    }

    public bool IsBookable(Office office, DateOnly date)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return date >= BookingRules.Today(office, now) && date <= BookingRules.LastBookableDate(office, now)
            && OfficeCalendar.OpenOn(date, office.TimeZone, office.Hours, office.SpecialDays) is not null;
    }
}
