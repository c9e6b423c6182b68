using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Accounts;

/// <summary>
/// <c>Rantevou.Hub admin create --email … [--name …] [--office slug]</c>: the first administrator of a server that has no
/// browser and no demo accounts. The password comes on standard input, never as an argument: arguments are seen by
/// everyone in <c>ps</c> and stay in the shell's history. Exit codes: 0 created, 1 refused, 2 usage.
/// </summary>
public static class AdminCommand
{
    const string Usage = "Usage: Rantevou.Hub admin create --email <address> [--name <name>] [--office <slug>]\n" +
        "The password is read from standard input (one line). Without --office the administrator acts for every office.";

    /// <summary>True when the arguments name a command: it has run instead of the web server, and set the exit code.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not ["admin", ..])
            return false;
        Environment.ExitCode = await RunAsync(app, args[1..]);
        // The process ends here: let the logger flush and the database connections close.
        await app.DisposeAsync();
        return true;
    }

    static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args is not ["create", .. var rest] || Options(rest) is not { } options)
            return Fail(Usage, 2);
        if (options.ContainsKey("password"))
            return Fail("The password is never an argument: give it on standard input.", 2);
        if (options.Keys.Except(["email", "name", "office"]).FirstOrDefault() is { } unknown)
            return Fail($"Unknown option --{unknown}.\n{Usage}", 2);
        if (options.FirstOrDefault(o => o.Value is null).Key is { } bare)
            return Fail($"--{bare} needs a value.\n{Usage}", 2);
        if (ContactRules.NormalizeEmail(options.GetValueOrDefault("email")) is not { } email)
            return Fail("--email must be a valid email address.", 1);
        var name = options.GetValueOrDefault("name")?.Trim() ?? "Διαχειριστής";
        if (name.Length is 0 or > 200)
            return Fail("--name must be 1 to 200 characters.", 1);

        var password = ReadPassword();
        if (string.IsNullOrEmpty(password))
            return Fail("No password on standard input: give one line with the new administrator's password.", 1);

        await app.PrepareDataAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await CreateAsync(services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<RantevouDbContext>(),
            email, name, options.GetValueOrDefault("office"), password, services.GetRequiredService<IOptions<RantevouOptions>>().Value.PublicBaseUrl);
    }

    static async Task<int> CreateAsync(UserManager<AppUser> users, RantevouDbContext db, string email, string name, string? slug, string password, string baseUrl)
    {
        int? officeId = null;
        if (slug is not null)
        {
            var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug);
            if (office is null)
            {
                var known = await db.Offices.AsNoTracking().OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync();
                return Fail($"No office with the slug '{slug}'. Offices: {string.Join(", ", known)}.", 1);
            }
            officeId = office.Id;
        }
        if (await users.FindByEmailAsync(email) is not null)
            return Fail($"An account with the email {email} already exists; nothing was changed.", 1);

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OfficeId = officeId };
        // One transaction: an account without its role would be a user nobody can see in /admin nor sign in as an admin.
        // A server database's execution strategy wants the transaction inside it; a retry starts from a clean slate.
        var attempts = 0;
        var failed = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (attempts++ > 0)
                db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                return "The account was not created:\n" + string.Join('\n', created.Errors.Select(e => "  " + e.Description));
            var role = await users.AddToRoleAsync(user, Roles.Admin);
            if (!role.Succeeded)
                return "The account was not created:\n" + string.Join('\n', role.Errors.Select(e => "  " + e.Description));
            await transaction.CommitAsync();
            return null;
        });
        if (failed is not null)
            return Fail(failed, 1);

        Console.Out.WriteLine($"Created administrator {email} ({name}) for {(slug is null ? "every office" : $"the office '{slug}'")}.");
        Console.Out.WriteLine($"Sign in at {baseUrl.TrimEnd('/')}/account/login");
        return 0;
    }

    /// <summary><c>--key value</c> or <c>--key=value</c> pairs (a missing value is null); null when an argument is not an option.</summary>
    static Dictionary<string, string?>? Options(string[] args)
    {
        var options = new Dictionary<string, string?>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
                return null;
            var eq = args[i].IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
                options[args[i][2..eq]] = args[i][(eq + 1)..];
            else
                options[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
        }
        return options;
    }

    /// <summary>One line from standard input; at a terminal the keys are read without echo, so the password is never shown.</summary>
    static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
            return Console.In.ReadLine();
        Console.Error.Write("Password: ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
                password.Length--;
            else if (!char.IsControl(key.KeyChar))
                password.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return password.ToString();
    }

    static int Fail(string message, int code)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
