using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Tests.Data;

/// <summary>
/// EF's check against one context used by two operations at once costs a quarter of a day's availability read, so
/// Production runs without it; the tests and developers' machines keep it, and that is where a misuse must show.
/// </summary>
public sealed class ThreadSafetyChecksTests
{
    [Theory]
    [InlineData("Testing", true)]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public async Task AQueryStartedWhileAnotherRuns_FailsLoudly_EverywhereButProduction(string environment, bool checkedThere)
    {
        await using var database = new SqliteDatabase();
        var services = await database.StartAsync(environment);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();

        // What a query running on another thread holds (EF's critical section, entered on another async flow).
        var detector = db.GetService<IConcurrencyDetector>();
        var other = await Task.Run(() => detector.EnterCriticalSection());
        try
        {
            if (checkedThere)
                Assert.Contains("second operation", (await Assert.ThrowsAsync<InvalidOperationException>(() => db.Offices.ToListAsync())).Message);
            else
                Assert.NotNull(await db.Offices.ToListAsync());
        }
        finally
        {
            await Task.Run(other.Dispose);
        }
    }
}
