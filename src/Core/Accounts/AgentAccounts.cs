using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Agents;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Accounts;

/// <summary>
/// Creates an agent account with the details its bookings will carry (R7) and an initial password the admin hands over,
/// and sets its own daily quota (R12). <c>adminOffice</c> is the administrator's office: they see and change that
/// office's agents only; null is the directorate's administrator, who sees every agent (<see cref="OfficeScope"/>).
/// </summary>
public sealed class AgentAccounts(UserManager<AppUser> users, RantevouDbContext db)
{
    public async Task<List<AgentAccountDto>> ListAsync(int? adminOffice, CancellationToken ct)
    {
        var agents = await users.GetUsersInRoleAsync(Roles.Agent);
        return agents.Where(a => adminOffice is null || a.OfficeId == adminOffice).OrderBy(a => a.DisplayName).Select(ToDto).ToList();
    }

    /// <summary>R12: a number from 1, or null for the office's quota. Bookings already made stay.</summary>
    public async Task<Outcome<AgentAccountDto>> SetQuotaAsync(int? adminOffice, string id, int? quota, CancellationToken ct)
    {
        if (await FindAsync(adminOffice, id) is not { } user)
            return Problem.NotFound(MessageKeys.AgentUnknown);
        if (quota is < 1 or > Admin.AdminRules.MaxLimit)
            return Problem.Invalid(new Dictionary<string, string[]> { ["dailyQuota"] = [MessageKeys.AgentQuotaRange] });
        user.DailyQuota = quota;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
            return Problem.Conflict(MessageKeys.ChangedMeanwhile);
        return ToDto(user);
    }

    /// <summary>
    /// R8: an agreement that ends ends the account: it can no longer sign in or book, and every sign-in of it is refused
    /// at once (the security stamp changes). Its bookings stay, as the citizens' they are. Enabled again, it signs in anew.
    /// </summary>
    public async Task<Outcome<AgentAccountDto>> SetDisabledAsync(int? adminOffice, string id, bool disabled, CancellationToken ct)
    {
        if (await FindAsync(adminOffice, id) is not { } user)
            return Problem.NotFound(MessageKeys.AgentUnknown);
        if (user.Disabled != disabled)
        {
            user.Disabled = disabled;
            await users.UpdateSecurityStampAsync(user);
        }
        return ToDto(user);
    }

    /// <summary>An agent of the administrator's office (any office's for the directorate's administrator).</summary>
    async Task<AppUser?> FindAsync(int? adminOffice, string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is null || !await users.IsInRoleAsync(user, Roles.Agent) || (adminOffice is not null && user.OfficeId != adminOffice) ? null : user;
    }

    static AgentAccountDto ToDto(AppUser a) => new(a.Id, a.Email ?? "", a.DisplayName, a.AgentKind?.ToString() ?? "", a.PhoneNumber,
        a.LockoutEnd > DateTimeOffset.MinValue, a.DailyQuota, a.Disabled);

    public async Task<Outcome<AgentAccountDto>> CreateAsync(NewAgentRequest r, int? adminOffice, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var email = ContactRules.NormalizeEmail(r.Email);
        var mobile = ContactRules.NormalizeMobile(r.Mobile);
        if (email is null)
            errors["email"] = [MessageKeys.EmailInvalid];
        if (string.IsNullOrWhiteSpace(r.DisplayName) || r.DisplayName.Length > 200)
            errors["displayName"] = [MessageKeys.Required];
        if (!Enum.TryParse<AgentKind>(r.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            errors["kind"] = [MessageKeys.Invalid];
        if (mobile is null)
            errors["mobile"] = [MessageKeys.MobileInvalid];
        if (string.IsNullOrEmpty(r.Password))
            errors["password"] = [MessageKeys.Required];
        if (errors.Count > 0 || email is null || r is not { DisplayName: { } name, Password: { } password })
            return Problem.Invalid(errors);
        if (await users.FindByEmailAsync(email) is not null)
            return Problem.Conflict(MessageKeys.AccountExists);
        var office = adminOffice ?? await db.Offices.AsNoTracking().OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name.Trim(),
            AgentKind = kind,
            PhoneNumber = mobile,
            PhoneNumberConfirmed = true,
            OfficeId = office,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return Problem.Invalid(new Dictionary<string, string[]> { ["password"] = [MessageKeys.PasswordWeak] });
        await users.AddToRoleAsync(user, Roles.Agent);
        return new AgentAccountDto(user.Id, email, user.DisplayName, kind.ToString(), mobile, false);
    }
}
