using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Slots;

/// <summary>R1: the free times of a service on one day, over all desks that serve it.</summary>
public sealed class AvailabilityService(RantevouDbContext db, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<Slot>>> ForDayAsync(int serviceId, DateOnly date, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null)
            return Problem.NotFound(MessageKeys.ServiceUnknown);
        if (!service.Active)
            return Array.Empty<Slot>();
        var office = await OfficeLoader.LoadAsync(db, service.OfficeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (date < BookingRules.Today(office, now) || date > BookingRules.LastBookableDate(office, now))
            return Array.Empty<Slot>();
        var open = OfficeCalendar.OpenOn(date, office.TimeZone, office.Hours, office.SpecialDays);
        if (open is null)
            return Array.Empty<Slot>();

        var desks = await DesksServing(db, service.Id).ToListAsync(ct);
        var claims = await db.SlotClaims.AsNoTracking()
            .Where(c => desks.Contains(c.DeskId) && c.UnitStartUtc >= open.OpenUtc && c.UnitStartUtc < open.CloseUtc)
            .Select(c => new { c.DeskId, c.UnitStartUtc })
            .ToListAsync(ct);
        var busy = claims.Select(c => new Busy(c.DeskId, c.UnitStartUtc, c.UnitStartUtc.AddMinutes(SlotClaim.UnitMinutes)));
        var notBefore = now.AddMinutes(office.BookingCutoffMinutes);
        return Result(SlotFinder.Free(open.OpenUtc, open.CloseUtc, service.DurationMinutes, desks, busy, notBefore));
    }

    static Outcome<IReadOnlyList<Slot>> Result(IReadOnlyList<Slot> slots) => Outcome<IReadOnlyList<Slot>>.From(slots);

    public static IQueryable<int> DesksServing(RantevouDbContext db, int serviceId) =>
        db.DeskServices.Where(ds => ds.ServiceId == serviceId)
            .Join(db.Desks.Where(d => d.Active), ds => ds.DeskId, d => d.Id, (ds, d) => d.Id);
}
