using Rantevou.Core.Data;
using Rantevou.Hub.Accounts;

namespace Rantevou.Hub.Infrastructure;

public static class Startup
{
    /// <summary>Before serving: migrate, seed the demo office and its accounts on an empty database.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.Services.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync(CancellationToken.None);
    }
}
