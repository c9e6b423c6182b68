using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;
using Rantevou.Core.Demo;

namespace Rantevou.Hub.Accounts;

/// <summary>
/// The roles, and on an empty user table the demo accounts of API.md with the password <see cref="Password"/>: in the
/// demo office admin, clerk1…clerk6 (clerk N at desk N, each assigned every desk of the office), a driving school, a
/// processing agent; the demo's second office (<see cref="DemoSeeder.SeedBranchAsync"/>) with admin-b, clerk-b1 and
/// clerk-b2; and the directorate's administrator, who belongs to no office and administers both.
/// The password is printed in the README, so the accounts exist only where <see cref="Wanted"/> says so.
/// </summary>
public sealed class DemoAccounts(UserManager<AppUser> users, RoleManager<IdentityRole> roles, RantevouDbContext db,
    DemoSeeder seeder, IOptions<RantevouOptions> options, IHostEnvironment environment)
{
    public const string Password = "Demo!2026";

    /// <summary>Rantevou:SeedDemo when set; otherwise Development only, so any other environment is safe by default.</summary>
    public static bool Wanted(RantevouOptions options, IHostEnvironment environment) => options.SeedDemo ?? environment.IsDevelopment();

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        if (!Wanted(options.Value, environment) || await users.Users.AnyAsync(ct))
            return;
        var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == DemoSeeder.OfficeSlug, ct);
        if (office is null)
            return;
        await CreateAsync("admin@example.org", "Διαχειριστής", Roles.Admin, office.Id);
        for (var n = 1; n <= DemoSeeder.DeskCount; n++)
            await CreateAsync($"clerk{n}@example.org", $"Υπάλληλος {n}", Roles.Clerk, office.Id, desk: n);
        await CreateAsync("school@example.org", "Σχολή Οδηγών Δέλτα", Roles.Agent, office.Id, agent: AgentKind.DrivingSchool, mobile: "+306900000001");
        await CreateAsync("agent@example.org", "Διεκπεραιωτής Άλφα", Roles.Agent, office.Id, agent: AgentKind.ProcessingAgent, mobile: "+306900000002");

        if (await seeder.SeedBranchAsync(ct) is not { } branch)
            return;
        await CreateAsync("admin-b@example.org", "Διαχειριστής Λαυρίου", Roles.Admin, branch.Id);
        for (var n = 1; n <= DemoSeeder.BranchDeskCount; n++)
            await CreateAsync($"clerk-b{n}@example.org", $"Υπάλληλος Λαυρίου {n}", Roles.Clerk, branch.Id, desk: n);
        await CreateAsync("directorate@example.org", "Διαχειριστής Διεύθυνσης", Roles.Admin, officeId: null);
    }

    async Task CreateAsync(string email, string name, string role, int? officeId, int? desk = null, AgentKind? agent = null, string? mobile = null)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            OfficeId = officeId,
            DeskNumber = desk,
            AgentKind = agent,
            PhoneNumber = mobile,
            PhoneNumberConfirmed = mobile is not null,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
        // A clerk acts only at the desks assigned to them (StaffDesk). The demo clerks sit at desk N by default and may
        // stand in at any desk of the demo office, as the demo and its tests have them do; real clerks get their desks
        // from an administrator.
        if (role == Roles.Clerk)
        {
            foreach (var deskId in await db.Desks.Where(d => d.OfficeId == officeId).Select(d => d.Id).ToListAsync())
                db.StaffDesks.Add(new StaffDesk { UserId = user.Id, DeskId = deskId });
            await db.SaveChangesAsync();
        }
    }
}
