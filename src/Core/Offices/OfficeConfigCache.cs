using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;

namespace Rantevou.Core.Offices;

/// <summary>What a booking needs of an office besides its desks: the office with its hours and special days, and its services.</summary>
public sealed class OfficeConfig(Office office, IReadOnlyDictionary<int, Service> services, IReadOnlySet<int> served)
{
    public Office Office { get; } = office;
    public IReadOnlyDictionary<int, Service> Services { get; } = services;

    /// <summary>
    /// The services offered to citizens and at the kiosk: switched on, and served by at least one active desk. A new
    /// service no desk serves yet would show every day as full, a dead end (R11). In the office's order: by group, then
    /// within it.
    /// </summary>
    public IEnumerable<Service> Offered => Services.Values.Where(s => s.Active && served.Contains(s.Id))
        .OrderBy(s => s.Group!.SortOrder).ThenBy(s => s.GroupId).ThenBy(s => s.SortOrder).ThenBy(s => s.Id);

    /// <summary>The <see cref="Office.ConfigVersion"/> read before everything else of this copy, so nothing in it is older.</summary>
    public long Version => Office.ConfigVersion;
}

/// <summary>
/// Per node: each office's configuration as last read, so a booking does not read the office, its hours and the
/// service again (ADR 0016). A copy is only as good as its version: the booking reads the office's current
/// <see cref="Office.ConfigVersion"/> inside its transaction, and a different number makes it drop the copy and start
/// again from the database. That check needs neither Redis nor a timer, so a change an admin made on another node is
/// seen by the next booking here. Desks are not kept: the booking reads them with their claims in one query anyway.
/// The copies are shared between requests and never changed.
/// </summary>
public sealed class OfficeConfigCache
{
    readonly ConcurrentDictionary<int, OfficeConfig> offices = new();
    readonly ConcurrentDictionary<int, int> officeOfService = new();

    /// <summary>
    /// The office's configuration: this node's copy, or read now (office first, so the version is the oldest part).
    /// <paramref name="fresh"/> always reads: another request may have put back a copy it read before the change.
    /// </summary>
    public async Task<OfficeConfig> OfficeAsync(RantevouDbContext db, int officeId, CancellationToken ct, bool fresh = false)
    {
        if (!fresh && offices.TryGetValue(officeId, out var kept))
            return kept;
        var office = await OfficeLoader.LoadAsync(db, officeId, ct);
        var services = await db.Services.AsNoTracking().Where(s => s.OfficeId == officeId).Include(s => s.Group).Include(s => s.Documents)
            .ToDictionaryAsync(s => s.Id, ct);
        var served = await ServedAsync(db, officeId, ct);
        var read = new OfficeConfig(office, services, served);
        offices.AddOrUpdate(officeId, read, (_, other) => other.Version > read.Version ? other : read);
        return read;
    }

    /// <summary>
    /// The configuration of an office the caller has just read: this node's copy when it is as new as that row's
    /// <see cref="Office.ConfigVersion"/> or newer, else read afresh. The row says whether the copy will do, so a request
    /// that reads the office anyway needs no read of the version of its own.
    /// </summary>
    public async Task<OfficeConfig> AtLeastAsync(RantevouDbContext db, Office read, CancellationToken ct)
    {
        var config = await OfficeAsync(db, read.Id, ct);
        return config.Version >= read.ConfigVersion ? config : await OfficeAsync(db, read.Id, ct, fresh: true);
    }

    /// <summary>
    /// The office's time zone, from this node's copy: the one way to know an office's zone when no office is at hand
    /// (a loaded <see cref="Office"/> answers <see cref="Office.TimeZone"/> itself).
    /// </summary>
    public async Task<TimeZoneInfo> ZoneAsync(RantevouDbContext db, int officeId, CancellationToken ct) =>
        (await OfficeAsync(db, officeId, ct)).Office.TimeZone;

    /// <summary>A service with its office's configuration, or null when there is no such service.</summary>
    public async Task<(Service Service, OfficeConfig Config)?> ServiceAsync(
        RantevouDbContext db, int serviceId, CancellationToken ct, bool fresh = false)
    {
        if (!officeOfService.TryGetValue(serviceId, out var officeId))
        {
            // A service never moves to another office, so the answer is kept for good.
            if (await db.Services.Where(s => s.Id == serviceId).Select(s => (int?)s.OfficeId).FirstOrDefaultAsync(ct) is not { } found)
                return null;
            officeOfService[serviceId] = officeId = found;
        }
        var config = await OfficeAsync(db, officeId, ct, fresh);
        if (!fresh && !config.Services.ContainsKey(serviceId))
        {
            // Created after this copy was read.
            Forget(officeId, config.Version);
            config = await OfficeAsync(db, officeId, ct);
        }
        return config.Services.TryGetValue(serviceId, out var service) ? (service, config) : null;
    }

    /// <summary>Drops the copy read at <paramref name="version"/> or before (a newer one another request read stays).</summary>
    public void Forget(int officeId, long version)
    {
        if (offices.TryGetValue(officeId, out var kept) && kept.Version <= version)
            offices.TryRemove(KeyValuePair.Create(officeId, kept));
    }

    /// <summary>Drops this node's copy: its own admin changes need not wait for a booking to find them out.</summary>
    public void Forget(int officeId) => Forget(officeId, long.MaxValue);

    /// <summary>The office's services that at least one of its active desks serves.</summary>
    static async Task<IReadOnlySet<int>> ServedAsync(RantevouDbContext db, int officeId, CancellationToken ct) =>
        (await db.DeskServices.Where(ds => db.Desks.Any(d => d.Id == ds.DeskId && d.Active && d.OfficeId == officeId))
            .Select(ds => ds.ServiceId).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// Whether a copy is still the office's configuration: one read of the version, for answers judged by the copy alone.
    /// Compiled: availability asks it on every look, and EF's work on the expression cost more than the statement.
    /// </summary>
    public static async Task<bool> IsCurrentAsync(RantevouDbContext db, OfficeConfig copy, CancellationToken ct) =>
        await VersionQuery.For(db)(db, copy.Office.Id, ct) == copy.Version;

    static readonly CompiledQuery<Func<RantevouDbContext, int, CancellationToken, Task<long>>> VersionQuery = new(() =>
        EF.CompileAsyncQuery((RantevouDbContext db, int officeId, CancellationToken ct) =>
            db.Offices.Where(o => o.Id == officeId).Select(o => o.ConfigVersion).First()));

    /// <summary>
    /// R11: every admin change of the office's settings, services, desks or hours calls this inside its own transaction,
    /// so the new number commits (or rolls back) with the change it announces.
    /// </summary>
    public static Task BumpAsync(RantevouDbContext db, int officeId, CancellationToken ct) =>
        db.Offices.Where(o => o.Id == officeId).ExecuteUpdateAsync(u => u.SetProperty(o => o.ConfigVersion, o => o.ConfigVersion + 1), ct);
}
