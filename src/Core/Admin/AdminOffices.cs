using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Admin;

/// <summary>
/// The directorate's offices: listed for every administrator (their own, or all for the directorate's), and added by
/// the directorate's administrator with services from the catalogue (<see cref="OfficeFounder"/>).
/// </summary>
public sealed partial class AdminOffices(RantevouDbContext db, IOptions<BookingLimits> limits, IOptions<AgentOptions> agents)
{
    public const int MaxDesks = 50;

    public async Task<List<OfficeSummary>> ListAsync(int? own, CancellationToken ct) =>
        await db.Offices.AsNoTracking().Where(o => own == null || o.Id == own).OrderBy(o => o.Id)
            .Select(o => new OfficeSummary(o.Id, o.Slug, o.NameEl, o.NameEn,
                db.Desks.Count(d => d.OfficeId == o.Id), db.Services.Count(s => s.OfficeId == o.Id)))
            .ToListAsync(ct);

    public static List<CatalogueEntry> Catalogue(string culture) =>
        ServiceCatalogue.All.Select(s => new CatalogueEntry(s.Key, s.Group(culture), s.Name(culture), s.DurationMinutes)).ToList();

    public async Task<Outcome<OfficeSummary>> CreateAsync(OfficeCreate create, CancellationToken ct)
    {
        var rules = new AdminRules();
        var slug = create.Slug?.Trim() ?? "";
        if (!SlugPattern().IsMatch(slug))
            rules.Fail("slug", MessageKeys.SlugInvalid);
        var names = rules.Names(create.NameEl, create.NameEn);
        rules.Range("desks", create.Desks, 1, MaxDesks, MessageKeys.DeskCountInvalid);
        var hours = rules.Hours("", create.Open, create.Close);
        var days = create.Days?.Where(Enum.IsDefined).Distinct().ToList() ?? [];
        if (days.Count == 0)
            rules.Fail("days", MessageKeys.DaysRequired);
        var keys = create.Services?.Distinct().ToList() ?? [];
        if (keys.Count == 0)
            rules.Fail("services", MessageKeys.CatalogueServicesRequired);
        else if (keys.Any(k => ServiceCatalogue.Find(k) is null))
            rules.Fail("services", MessageKeys.CatalogueServiceUnknown);
        if (rules.Problem is { } invalid)
            return invalid;
        if (await db.Offices.AnyAsync(o => o.Slug == slug, ct))
            return Problem.Conflict(MessageKeys.SlugTaken);

        // The catalogue's order, whatever order the form sent them in: groups and services read as the catalogue has them.
        var services = ServiceCatalogue.All.Where(s => keys.Contains(s.Key)).ToList();
        var plan = new OfficePlan(slug, names.El, names.En, create.Desks, hours!.Value.Open, hours.Value.Close, days, services);
        try
        {
            // One transaction: an office is there with its desks, hours and services, or not at all.
            var office = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var founded = await OfficeFounder.FoundAsync(db, plan, limits.Value, agents.Value, token);
                await tx.CommitAsync(token);
                return founded;
            }, ct);
            return new OfficeSummary(office.Id, office.Slug, office.NameEl, office.NameEn, create.Desks, services.Count);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Problem.Conflict(MessageKeys.SlugTaken); // another administrator took the name at the same moment
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
