using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Demo;

/// <summary>
/// On an empty database, a realistic transport directorate from the office catalogue: every service with its
/// documents, 6 desks (licences at 1–3, vehicles at 4–6), Mon–Fri 08:00–14:00. Where the demo is wanted, a second,
/// smaller office beside it (<see cref="SeedBranchAsync"/>).
/// </summary>
public sealed class DemoSeeder(RantevouDbContext db, IOptions<BookingLimits> limits, IOptions<AgentOptions> agents)
{
    public const string OfficeSlug = "demo";
    public const int DeskCount = 6;
    public const string BranchSlug = "demo-b";
    public const int BranchDeskCount = 2;

    static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Offices.AnyAsync(ct))
            return;
        var plan = new OfficePlan(OfficeSlug, "Διεύθυνση Μεταφορών και Επικοινωνιών (επίδειξη)",
            "Directorate of Transport and Communications (demo)", DeskCount, new(8, 0), new(14, 0), Weekdays, ServiceCatalogue.All);
        // The first group (licences) and every other one go to desks 1–3, the rest (vehicles…) to desks 4–6.
        await OfficeFounder.FoundAsync(db, plan, limits.Value, agents.Value, ct,
            serves: (desk, group) => (desk <= DeskCount / 2) == (group % 2 == 0));
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The demo's second office, so that every screen is seen to keep offices apart: two desks, driving licences only,
    /// the same hours. Only beside the first office, and only once; returns it (null without the first office).
    /// </summary>
    public async Task<Office?> SeedBranchAsync(CancellationToken ct)
    {
        if (!await db.Offices.AnyAsync(o => o.Slug == OfficeSlug, ct))
            return null;
        if (await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == BranchSlug, ct) is { } existing)
            return existing;
        var licences = ServiceCatalogue.All.Where(s => s.Key.StartsWith("licence-", StringComparison.Ordinal)).ToList();
        var plan = new OfficePlan(BranchSlug, "Γραφείο Μεταφορών Λαυρίου (επίδειξη)", "Lavrio Transport Office (demo)",
            BranchDeskCount, new(8, 0), new(14, 0), Weekdays, licences);
        var branch = await OfficeFounder.FoundAsync(db, plan, limits.Value, agents.Value, ct);
        db.ChangeTracker.Clear();
        return branch;
    }
}
