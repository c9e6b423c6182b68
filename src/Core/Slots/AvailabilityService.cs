using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Slots;

/// <summary>A day's free times and the office's time zone, in which callers show them.</summary>
public sealed record DayAvailability(IReadOnlyList<Slot> Slots, TimeZoneInfo Zone);

/// <summary>R1: the free times of a service on one day, over all desks that serve it.</summary>
public sealed class AvailabilityService(RantevouDbContext db, TimeProvider clock, OfficeConfigCache configs, DayClaimsCache claims)
{
    public async Task<Outcome<IReadOnlyList<Slot>>> ForDayAsync(int serviceId, DateOnly date, CancellationToken ct)
    {
        var day = await DayAsync(serviceId, date, ct);
        return day.Ok ? Outcome<IReadOnlyList<Slot>>.From(day.Value.Slots) : day.Problem;
    }

    /// <summary>
    /// The public availability API runs this on every date a citizen looks at. The office, its hours and the service
    /// come from this node's copy (ADR 0016), checked by one read of the office's version; the day's taken desk time
    /// comes from <see cref="DayClaimsCache"/>, read only when the day changed. So a look costs one small statement.
    /// </summary>
    public async Task<Outcome<DayAvailability>> DayAsync(int serviceId, DateOnly date, CancellationToken ct)
    {
        // One connection for the reads instead of an open, a pooled-connection reset and the per-connection
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
        if (await configs.ServiceAsync(db, serviceId, ct) is not { } found)
            return Problem.NotFound(MessageKeys.ServiceUnknown);
        if (!await OfficeConfigCache.IsCurrentAsync(db, found.Config, ct))
        {
            configs.Forget(found.Config.Office.Id, found.Config.Version);
            if (await configs.ServiceAsync(db, serviceId, ct, fresh: true) is not { } again)
                return Problem.NotFound(MessageKeys.ServiceUnknown);
            found = again;
        }
        var (service, config) = found;
        var office = config.Office;
        var zone = office.TimeZone;
        var none = new DayAvailability([], zone);
        if (!service.Active)
            return none;
        var now = clock.GetUtcNow().UtcDateTime;
        if (date < BookingRules.Today(office, now) || date > BookingRules.LastBookableDate(office, now))
            return none;
        var open = OfficeCalendar.OpenOn(date, zone, office.Hours, office.SpecialDays);
        if (open is null)
            return none;

        var day = await DayClaimsAsync(config, date, open, ct);
        var desks = day.DesksByService[serviceId].ToList();
        var notBefore = now.AddMinutes(office.BookingCutoffMinutes);
        return new DayAvailability(SlotFinder.Free(open.OpenUtc, open.CloseUtc, service.DurationMinutes, desks, day.Busy, notBefore), zone);
    }

    async Task<DayClaims> DayClaimsAsync(OfficeConfig config, DateOnly date, OfficeCalendar.OpenInterval open, CancellationToken ct)
    {
        var officeId = config.Office.Id;
        var shelf = claims.Look(officeId, date);
        if (claims.Usable(shelf, config.Version) is { } kept)
            return kept;
        var serving = await db.DeskServices.AsNoTracking()
            .Join(db.Desks.Where(d => d.Active && d.OfficeId == officeId), ds => ds.DeskId, d => d.Id, (ds, d) => new { ds.ServiceId, ds.DeskId })
            .ToListAsync(ct);
        var deskIds = serving.Select(s => s.DeskId).Distinct().ToList();
        var query = db.SlotClaims.AsNoTracking()
            .Where(c => deskIds.Contains(c.DeskId) && c.UnitStartUtc >= open.OpenUtc && c.UnitStartUtc < open.CloseUtc)
            .Select(c => new { c.DeskId, c.UnitStartUtc });
        // A busy day is a few thousand rows. Microsoft.Data.Sqlite does no asynchronous I/O (its async methods complete
        // synchronously), so reading them asynchronously only adds an awaited step per row; SQL Server keeps async.
        var rows = db.Database.IsSqlite() ? query.ToList() : await query.ToListAsync(ct);
        var unit = TimeSpan.FromMinutes(SlotClaim.UnitMinutes);
        var day = new DayClaims(config.Version, serving.ToLookup(s => s.ServiceId, s => s.DeskId),
            rows.Select(c => new Busy(c.DeskId, c.UnitStartUtc, c.UnitStartUtc + unit)).ToArray());
        claims.Put(officeId, date, shelf, day);
        return day;
    }
}
