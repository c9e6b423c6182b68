using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;
using Rantevou.Hub.Accounts;

namespace Rantevou.Hub.Infrastructure;

public static partial class Startup
{
    /// <summary>Before serving: prepare the data, and tell the operator how to get in when nobody can sign in yet.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.PrepareDataAsync();
        await using var scope = app.Services.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users.AnyAsync())
            NoAccountYet(app.Logger, app.Environment.EnvironmentName);
    }

    /// <summary>
    /// What every start does, the admin command's included: migrate, the office catalogue on an empty database, the roles,
    /// and the demo accounts where they are wanted (<see cref="DemoAccounts.Wanted"/>).
    /// </summary>
    internal static async Task PrepareDataAsync(this WebApplication app)
    {
        await app.Services.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No account exists yet and demo accounts are off ({Environment}). " +
        "Create the first administrator with: Rantevou.Hub admin create --email <address> [--name <name>] [--office <slug>] " +
        "(the password is read from standard input; README, Going live)")]
    static partial void NoAccountYet(ILogger logger, string environment);
}
