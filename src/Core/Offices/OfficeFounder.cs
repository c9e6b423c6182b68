using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;

namespace Rantevou.Core.Offices;

/// <summary>What a new office starts with: its names, desks, weekly hours and services from the catalogue.</summary>
public sealed record OfficePlan(
    string Slug, string NameEl, string NameEn, int Desks, TimeOnly Open, TimeOnly Close,
    IReadOnlyCollection<DayOfWeek> Days, IReadOnlyList<CatalogueService> Services);

/// <summary>
/// Creates an office from a plan, for the demo and for the directorate's administrator alike: the services keep the
/// catalogue's groups and order, and every desk serves every service unless <c>serves</c> says otherwise (the desks
/// page changes that later, R11). The limits start from configuration (<see cref="OfficeDefaults"/>).
/// </summary>
public static class OfficeFounder
{
    public static async Task<Office> FoundAsync(RantevouDbContext db, OfficePlan plan, BookingLimits limits, AgentOptions agents,
        CancellationToken ct, Func<int, int, bool>? serves = null)
    {
        var office = new Office { Slug = plan.Slug, NameEl = plan.NameEl, NameEn = plan.NameEn }.WithLimits(limits, agents);
        foreach (var day in plan.Days.Order())
            office.Hours.Add(new WorkingHours { Day = day, Open = plan.Open, Close = plan.Close });
        for (var n = 1; n <= plan.Desks; n++)
        {
            var (el, en) = Desk.DefaultNames(n);
            office.Desks.Add(new Desk { Number = n, NameEl = el, NameEn = en });
        }
        db.Offices.Add(office);
        await db.SaveChangesAsync(ct);

        var groups = new Dictionary<string, ServiceGroup>();
        var order = 0;
        foreach (var s in plan.Services)
        {
            if (!groups.TryGetValue(s.GroupEl, out var group))
            {
                group = new ServiceGroup { OfficeId = office.Id, NameEl = s.GroupEl, NameEn = s.GroupEn, SortOrder = groups.Count };
                groups[s.GroupEl] = group;
                db.ServiceGroups.Add(group);
            }
            var service = new Service
            {
                OfficeId = office.Id,
                Group = group,
                NameEl = s.NameEl,
                NameEn = s.NameEn,
                DurationMinutes = s.DurationMinutes,
                SortOrder = order++,
            };
            service.Documents.AddRange(s.DocumentsEl.Zip(s.DocumentsEn)
                .Select((d, i) => new ServiceDocument { TextEl = d.First, TextEn = d.Second, SortOrder = i }));
            group.Services.Add(service);
        }
        await db.SaveChangesAsync(ct);

        // serves(desk number, group order): which desks serve a group's services.
        foreach (var desk in office.Desks)
            foreach (var group in groups.Values.Where(g => serves?.Invoke(desk.Number, g.SortOrder) ?? true))
                foreach (var service in group.Services)
                    db.DeskServices.Add(new DeskService { DeskId = desk.Id, ServiceId = service.Id });
        await db.SaveChangesAsync(ct);
        return office;
    }
}
