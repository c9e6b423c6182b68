using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Audit;
using Rantevou.Core.Privacy;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Audit;

/// <summary>R12 and GDPR: the nightly retention job deletes audit entries older than Rantevou:Privacy:AuditRetentionDays.</summary>
public sealed class AuditRetentionTests
{
    [Theory]
    [InlineData(null, 365)]
    [InlineData("30", 30)]
    public async Task Retention_DeletesAuditEntriesOlderThanThePeriod_AndKeepsTheRest(string? setting, int days)
    {
        await using var app = new RantevouApp();
        if (setting is not null)
            app.Settings["Rantevou:Privacy:AuditRetentionDays"] = setting;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            foreach (var (age, target) in new[] { (days + 1, "old"), (days - 1, "kept"), (0, "today") })
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = now.AddDays(-age),
                    ActorId = "c",
                    ActorName = "clerk1@example.org",
                    ActorRole = "Clerk",
                    Action = "desk.call-next",
                    Target = target,
                    Status = 200,
                });
            return await db.SaveChangesAsync();
        });

        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<Retention>().AnonymiseAsync(CancellationToken.None);

        var left = await app.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.AtUtc).Select(a => a.Target).ToListAsync());
        Assert.Equal(["kept", "today"], left);
    }
}
