using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Demo;

/// <summary>
/// On an empty database, a realistic transport directorate from the office catalogue:
/// every service with its documents, 6 desks (licences at 1–3, vehicles at 4–6), Mon–Fri 08:00–14:00.
/// </summary>
public sealed class DemoSeeder(RantevouDbContext db, IOptions<BookingLimits> limits, IOptions<AgentOptions> agents)
{
    public const string OfficeSlug = "demo";
    public const int DeskCount = 6;

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Offices.AnyAsync(ct))
            return;
        var catalogue = Catalogue.Load();
        var office = new Office
        {
            Slug = OfficeSlug,
            NameEl = "Διεύθυνση Μεταφορών και Επικοινωνιών (επίδειξη)",
            NameEn = "Directorate of Transport and Communications (demo)",
        }.WithLimits(limits.Value, agents.Value);
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
            office.Hours.Add(new WorkingHours { Day = day, Open = new TimeOnly(8, 0), Close = new TimeOnly(14, 0) });
        for (var n = 1; n <= DeskCount; n++)
            office.Desks.Add(new Desk { Number = n, NameEl = $"Θυρίδα {n}", NameEn = $"Desk {n}" });
        db.Offices.Add(office);
        await db.SaveChangesAsync(ct);

        var groups = new Dictionary<string, ServiceGroup>();
        var order = 0;
        foreach (var s in catalogue.Services)
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

        // The first group (licences) and its neighbours go to desks 1–3, the rest to desks 4–6.
        var licenceGroups = groups.Values.Where(g => g.SortOrder % 2 == 0).ToHashSet();
        foreach (var desk in office.Desks)
        {
            var licences = desk.Number <= DeskCount / 2;
            foreach (var g in groups.Values.Where(g => licenceGroups.Contains(g) == licences))
                foreach (var service in g.Services)
                    db.DeskServices.Add(new DeskService { DeskId = desk.Id, ServiceId = service.Id });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    sealed record Catalogue([property: JsonPropertyName("services")] List<CatalogueService> Services)
    {
        public static Catalogue Load()
        {
            using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("office-catalogue.json")
                ?? throw new InvalidOperationException("office-catalogue.json is not embedded");
            return JsonSerializer.Deserialize<Catalogue>(stream)!;
        }
    }

    sealed record CatalogueService(
        [property: JsonPropertyName("group_el")] string GroupEl,
        [property: JsonPropertyName("group_en")] string GroupEn,
        [property: JsonPropertyName("name_el")] string NameEl,
        [property: JsonPropertyName("name_en")] string NameEn,
        [property: JsonPropertyName("duration_minutes")] int DurationMinutes,
        [property: JsonPropertyName("documents_el")] List<string> DocumentsEl,
        [property: JsonPropertyName("documents_en")] List<string> DocumentsEn);
}
