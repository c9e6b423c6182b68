using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rantevou.Core.Data;
using Rantevou.Core.Devices;
using Rantevou.Core.Time;

namespace Rantevou.Bench.Fanout;

/// <summary>
/// The Hub's own composition root (src/Hub/Program.cs) on real Kestrel, configured as in production, with four
/// bench-only differences, none of which touches the path a broadcast takes:
/// the clock starts on an open office day (Tue 1 Dec 2026 08:05 Athens, then runs at real speed) so the clerk's
/// real call-next can run at any hour; the rate limits are raised (one load generator address opens thousands of
/// connections and makes hundreds of calls); the demo accounts are asked for; and <see cref="BroadcastTrigger"/> is mapped.
/// </summary>
public sealed class FanoutApp(int port, string dataDir) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset OpenDay = new(2026, 12, 1, 8, 5, 0, TimeSpan.FromHours(2));

    public string BaseUrl => $"http://127.0.0.1:{port}";

    /// <summary>The cookie value of a kiosk registered at start: the lobby's walk-ins need a registered kiosk (ADR 0015).</summary>
    public string KioskSecret { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDir);
        builder.UseEnvironment("Production");
        builder.UseSetting("Rantevou:DataDir", dataDir);
        // The load generator signs in as the demo clerk1 (node/fanout.js); Production creates it only when asked.
        builder.UseSetting("Rantevou:SeedDemo", "true");
        builder.UseSetting("Rantevou:PublicBaseUrl", BaseUrl);
        builder.UseSetting("Rantevou:RateLimits:BookingPerMinute", "1000000");
        builder.UseSetting("Rantevou:RateLimits:LoginPerMinute", "1000000");
        builder.UseSetting("Rantevou:RateLimits:KioskPerMinute", "1000000");
        builder.UseSetting("Rantevou:RateLimits:TicketsPerKioskPerMinute", "1000000");
        // Per-request logging to the console would cost the server more than the broadcast itself.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new TrainingClock(OpenDay, 1.0, TimeProvider.System)));
            s.AddTransient<IStartupFilter, BroadcastTrigger>();
        });
    }

    public FanoutApp Start()
    {
        // The Hub's folder (its appsettings.json), from the manifest the Mvc.Testing build writes next to this program.
        var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json")))!;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RANTEVOU_HUB", manifest[typeof(Program).Assembly.FullName!]);
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        using var scope = Services.CreateScope();
        var office = scope.ServiceProvider.GetRequiredService<RantevouDbContext>().Offices.OrderBy(o => o.Id).Select(o => o.Id).First();
        (_, KioskSecret) = scope.ServiceProvider.GetRequiredService<DeviceRegistry>()
            .RegisterAsync(office, DeviceKind.Kiosk, "Bench kiosk", null, CancellationToken.None).GetAwaiter().GetResult();
        return this;
    }
}
