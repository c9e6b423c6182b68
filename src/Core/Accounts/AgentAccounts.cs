using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Agents;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;

namespace Rantevou.Core.Accounts;

/// <summary>Creates an agent account with the details its bookings will carry (R7) and an initial password the admin hands over.</summary>
public sealed class AgentAccounts(UserManager<AppUser> users, RantevouDbContext db)
{
    public async Task<Outcome<AgentAccountDto>> CreateAsync(NewAgentRequest r, CancellationToken ct)
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
        if (errors.Count > 0)
            return Problem.Invalid(errors);
        if (await users.FindByEmailAsync(email!) is not null)
            return Problem.Conflict(MessageKeys.AccountExists);
        var office = await db.Offices.AsNoTracking().OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = r.DisplayName!.Trim(),
            AgentKind = kind,
            PhoneNumber = mobile,
            PhoneNumberConfirmed = true,
            OfficeId = office,
        };
        var created = await users.CreateAsync(user, r.Password!);
        if (!created.Succeeded)
            return Problem.Invalid(new Dictionary<string, string[]> { ["password"] = [MessageKeys.PasswordWeak] });
        await users.AddToRoleAsync(user, Roles.Agent);
        return new AgentAccountDto(user.Id, email!, user.DisplayName, kind.ToString(), mobile, false);
    }
}
