using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Bench.Backend;

/// <summary>What a seeded database holds for the benchmarks.</summary>
public sealed record Seeded(string DataDir, int OfficeId, int ServiceId, int DurationMinutes, int[] DeskIds, int GraceMinutes)
{
    public string ConnectionString => CoreSetup.SqliteConnectionString(DataDir);
}

/// <summary>
/// Builds the database the way the Hub does (the app's migration, WAL, the demo office), then widens the calendar so
/// the load is not refused for lack of room: 20 desks that all serve every service, open 06:00–22:00 every day,
/// bookable a year ahead. The product's own model and migration, so the Hub and the baseline see the same schema.
/// </summary>
public static class Seeder
{
    public const int Desks = 20;

    public static async Task<Seeded> OfficeAsync(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        using var host = Host(dataDir);
        await host.Services.PrepareDatabaseAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
        var office = await db.Offices.Include(o => o.Desks).Include(o => o.Hours).SingleAsync();
        office.BookingHorizonDays = 365;
        for (var n = office.Desks.Count + 1; n <= Desks; n++)
            office.Desks.Add(new Desk { Number = n, NameEl = $"Θυρίδα {n}", NameEn = $"Desk {n}" });
        for (var day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            var hours = office.Hours.FirstOrDefault(h => h.Day == day);
            if (hours is null)
                office.Hours.Add(hours = new WorkingHours { Day = day });
            (hours.Open, hours.Close) = (new TimeOnly(6, 0), new TimeOnly(22, 0));
        }
        await db.SaveChangesAsync();
        var services = await db.Services.Where(s => s.OfficeId == office.Id).Select(s => new { s.Id, s.DurationMinutes }).ToListAsync();
        var existing = (await db.DeskServices.Select(x => new { x.DeskId, x.ServiceId }).ToListAsync()).ToHashSet();
        foreach (var desk in office.Desks)
            foreach (var s in services.Where(s => !existing.Contains(new { DeskId = desk.Id, ServiceId = s.Id })))
                db.DeskServices.Add(new DeskService { DeskId = desk.Id, ServiceId = s.Id });
        await db.SaveChangesAsync();
        var service = services.Where(s => s.DurationMinutes == 15).OrderBy(s => s.Id).First();
        return new Seeded(dataDir, office.Id, service.Id, service.DurationMinutes, office.Desks.Select(d => d.Id).Order().ToArray(), office.GraceMinutes);
    }

    /// <summary>The app's data services over a data folder, without the web host: for seeding and reading results.</summary>
    public static IHost Host(string dataDir)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["Rantevou:DataDir"] = dataDir;
        builder.AddRantevouCore();
        return builder.Build();
    }

    public static async Task<T> WithDbAsync<T>(string dataDir, Func<RantevouDbContext, Task<T>> work)
    {
        using var host = Host(dataDir);
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RantevouDbContext>());
    }
}
