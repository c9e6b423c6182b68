using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Slots;

/// <summary>A day's free times and the office's time zone, in which callers show them.</summary>
public sealed record DayAvailability(IReadOnlyList<Slot> Slots, TimeZoneInfo Zone);

/// <summary>R1: the free times of a service on one day, over all desks that serve it.</summary>
public sealed class AvailabilityService(RantevouDbContext db, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<Slot>>> ForDayAsync(int serviceId, DateOnly date, CancellationToken ct)
    {
        var day = await DayAsync(serviceId, date, ct);
        return day.Ok ? Outcome<IReadOnlyList<Slot>>.From(day.Value.Slots) : day.Problem;
    }

    /// <summary>
    /// The public availability API runs this on every date a citizen looks at, so it reads only what the one day
    /// needs: the service with its office (one query), that weekday's hours and that date's special day (not the
    /// office's whole calendar), the desks, and the day's slot claims as (desk, unit) pairs, untracked.
    /// </summary>
    public async Task<Outcome<DayAvailability>> DayAsync(int serviceId, DateOnly date, CancellationToken ct)
    {
        // One connection for the five reads instead of an open, a pooled-connection reset and the per-connection
        // pragma (SqlitePragmas) around each of them.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadDayAsync(serviceId, date, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    async Task<Outcome<DayAvailability>> ReadDayAsync(int serviceId, DateOnly date, CancellationToken ct)
    {
        var found = await db.Services.AsNoTracking().Where(s => s.Id == serviceId)
            .Join(db.Offices.AsNoTracking(), s => s.OfficeId, o => o.Id, (s, o) => new { s.Active, s.DurationMinutes, Office = o })
            .FirstOrDefaultAsync(ct);
        if (found is null)
            return Problem.NotFound(MessageKeys.ServiceUnknown);
        var office = found.Office;
        var zone = office.TimeZone;
        var none = new DayAvailability([], zone);
        if (!found.Active)
            return none;
        var now = clock.GetUtcNow().UtcDateTime;
        if (date < BookingRules.Today(office, now) || date > BookingRules.LastBookableDate(office, now))
            return none;
        var weekday = date.DayOfWeek;
        var hours = await db.WorkingHours.AsNoTracking().Where(h => h.OfficeId == office.Id && h.Day == weekday).ToListAsync(ct);
        var special = await db.SpecialDays.AsNoTracking().Where(d => d.OfficeId == office.Id && d.Date == date).ToListAsync(ct);
        var open = OfficeCalendar.OpenOn(date, zone, hours, special);
        if (open is null)
            return none;

        var desks = await DesksServing(db, serviceId).ToListAsync(ct);
        var query = db.SlotClaims.AsNoTracking()
            .Where(c => desks.Contains(c.DeskId) && c.UnitStartUtc >= open.OpenUtc && c.UnitStartUtc < open.CloseUtc)
            .Select(c => new { c.DeskId, c.UnitStartUtc });
        // A busy day is a few thousand rows. Microsoft.Data.Sqlite does no asynchronous I/O (its async methods complete
        // synchronously), so reading them asynchronously only adds an awaited step per row; SQL Server keeps async.
        var claims = db.Database.IsSqlite() ? query.ToList() : await query.ToListAsync(ct);
        var unit = TimeSpan.FromMinutes(SlotClaim.UnitMinutes);
        var busy = claims.Select(c => new Busy(c.DeskId, c.UnitStartUtc, c.UnitStartUtc + unit));
        var notBefore = now.AddMinutes(office.BookingCutoffMinutes);
        return new DayAvailability(SlotFinder.Free(open.OpenUtc, open.CloseUtc, found.DurationMinutes, desks, busy, notBefore), zone);
    }

    public static IQueryable<int> DesksServing(RantevouDbContext db, int serviceId) =>
        db.DeskServices.Where(ds => ds.ServiceId == serviceId)
            .Join(db.Desks.Where(d => d.Active), ds => ds.DeskId, d => d.Id, (ds, d) => d.Id);
}
