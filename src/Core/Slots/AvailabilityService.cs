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

    /// <summary>
    /// The claims of the office's active desks in the open hours: desks first, then each desk's claims through the
    /// claims' key (desk, unit). Compiled, and the units are integers on SQLite (<see cref="RantevouDbContext"/>): a
    /// busy day is a couple of thousand rows, and EF's work and the date parsing per row were most of a look's time.
    /// </summary>
    static readonly CompiledQuery<Func<RantevouDbContext, int, DateTime, DateTime, IAsyncEnumerable<Claim>>> Taken = new(() =>
        EF.CompileAsyncQuery((RantevouDbContext db, int officeId, DateTime from, DateTime to) =>
            db.Desks.Where(d => d.Active && d.OfficeId == officeId)
                .Join(db.SlotClaims.Where(c => c.UnitStartUtc >= from && c.UnitStartUtc < to), d => d.Id, c => c.DeskId,
                    (d, c) => new Claim(c.DeskId, c.UnitStartUtc))));

    readonly record struct Claim(int DeskId, DateTime UnitStartUtc);

    /// <summary>Which active desks of the office serve which service (R11: a change of them bumps the office's version).</summary>
    static readonly CompiledQuery<Func<RantevouDbContext, int, IAsyncEnumerable<Serving>>> ServingQuery = new(() =>
        EF.CompileAsyncQuery((RantevouDbContext db, int officeId) =>
            db.DeskServices.Join(db.Desks.Where(d => d.Active && d.OfficeId == officeId), ds => ds.DeskId, d => d.Id,
                (ds, d) => new Serving(ds.ServiceId, ds.DeskId))));

    readonly record struct Serving(int ServiceId, int DeskId);

    async Task<DayClaims> DayClaimsAsync(OfficeConfig config, DateOnly date, OfficeCalendar.OpenInterval open, CancellationToken ct)
    {
        var officeId = config.Office.Id;
        var shelf = claims.Look(officeId, date);
        if (claims.Usable(shelf, config.Version) is { } kept)
            return kept;
        var serving = await ServingQuery.For(db)(db, officeId).ToListAsync(ct);
        var unit = TimeSpan.FromMinutes(SlotClaim.UnitMinutes);
        var taken = new List<Busy>();
        await foreach (var c in Taken.For(db)(db, officeId, open.OpenUtc, open.CloseUtc).WithCancellation(ct))
        {
            // A unit right after the last span of its desk extends it (the claims arrive in key order, desk then unit,
            // though nothing here depends on it). A busy day's 2,300 units as one span each made a list of about
            // 100 KB, on the large-object heap, for every look at a day just changed.
            if (taken.Count > 0 && taken[^1] is var last && last.DeskId == c.DeskId && last.EndUtc == c.UnitStartUtc)
                taken[^1] = last with { EndUtc = c.UnitStartUtc + unit };
            else
                taken.Add(new Busy(c.DeskId, c.UnitStartUtc, c.UnitStartUtc + unit));
        }
        var day = new DayClaims(config.Version, serving.ToLookup(s => s.ServiceId, s => s.DeskId), taken);
        claims.Put(officeId, date, shelf, day);
        return day;
    }
}
