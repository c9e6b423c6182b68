using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Notifications;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Accounts;

/// <summary>
/// The administrators run their office's staff accounts — clerks and admins. <c>adminOffice</c> is the
/// administrator's office: they see and change that office's staff only (another office's account is not found); null is
/// the directorate's administrator, who runs every office (<see cref="OfficeScope"/>). An account is created without a
/// password: it gets an invitation mail with a one-use link to set its own, so the administrator never knows it.
/// Disabling refuses the account's sign-in and every cookie and token it holds (its security stamp changes).
/// </summary>
public sealed class StaffAccounts(UserManager<AppUser> users, RantevouDbContext db, IAccountMail mail, IOutboxSignal signal, TwoFactor twoFactor)
{
    static readonly string[] StaffRoles = [Roles.Clerk, Roles.Admin];

    public async Task<List<StaffAccountDto>> ListAsync(int? adminOffice, CancellationToken ct)
    {
        var staff = new List<AppUser>();
        foreach (var role in StaffRoles)
            staff.AddRange(await users.GetUsersInRoleAsync(role));
        var admins = (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.Id).ToHashSet();
        var desks = await db.StaffDesks.AsNoTracking().ToListAsync(ct);
        return staff.DistinctBy(u => u.Id).Where(u => adminOffice is null || u.OfficeId == adminOffice)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => ToDto(u, admins.Contains(u.Id) ? Roles.Admin : Roles.Clerk, desks.Where(d => d.UserId == u.Id).Select(d => d.DeskId)))
            .ToList();
    }

    public async Task<Outcome<StaffAccountDto>> GetAsync(int? adminOffice, string id, CancellationToken ct) =>
        await FindAsync(adminOffice, id) is { } found ? await DtoAsync(found.User, found.Role, ct) : Problem.NotFound(MessageKeys.StaffUnknown);

    public async Task<Outcome<StaffAccountDto>> CreateAsync(NewStaffRequest r, int? adminOffice, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var email = ContactRules.NormalizeEmail(r.Email);
        if (email is null)
            errors["email"] = [MessageKeys.EmailInvalid];
        var name = r.DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > 200)
            errors["displayName"] = [MessageKeys.NameRequired];
        var role = RoleOf(r.Role);
        if (role is null)
            errors["role"] = [MessageKeys.RoleInvalid];
        var office = adminOffice ?? r.OfficeId;
        if (office is not null && !await db.Offices.AnyAsync(o => o.Id == office, ct))
            errors["officeId"] = [MessageKeys.OfficeUnknown];
        // Only an admin may be without an office (the directorate's): a clerk acts in one office.
        if (office is null && role == Roles.Clerk)
            errors["officeId"] = [MessageKeys.Required];
        var desks = await DesksAsync(r.DeskIds, office, errors, ct);
        if (errors.Count > 0 || email is null || role is null)
            return Problem.Invalid(errors);
        if (await users.FindByEmailAsync(email) is not null)
            return Problem.Conflict(MessageKeys.AccountExists);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            OfficeId = office,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return Problem.Conflict(MessageKeys.AccountExists);
        await users.AddToRoleAsync(user, role);
        await AssignAsync(user.Id, role == Roles.Clerk ? desks : [], ct);
        await InviteAsync(user, ct);
        return await DtoAsync(user, role, ct);
    }

    /// <summary>Writes the invitation (a one-use link to set the password) to the outbox.</summary>
    public async Task InviteAsync(AppUser user, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        db.Outbox.Add(mail.Compose(AccountMailKind.Invitation, user, token));
        await db.SaveChangesAsync(ct);
        signal.MailCommitted();
    }

    public async Task<Outcome<StaffAccountDto>> EditAsync(int? adminOffice, string id, StaffEdit edit, string? selfId, CancellationToken ct)
    {
        if (await FindAsync(adminOffice, id) is not { } found)
            return Problem.NotFound(MessageKeys.StaffUnknown);
        var (user, role) = found;
        var errors = new Dictionary<string, string[]>();
        if (edit.DisplayName is not null && (string.IsNullOrWhiteSpace(edit.DisplayName) || edit.DisplayName.Trim().Length > 200))
            errors["displayName"] = [MessageKeys.NameRequired];
        var newRole = edit.Role is null ? role : RoleOf(edit.Role);
        if (newRole is null || (newRole == Roles.Clerk && user.OfficeId is null))
            errors["role"] = [MessageKeys.RoleInvalid];
        // An administrator does not demote themselves: the office would be left to nobody by mistake.
        if (id == selfId && newRole != role)
            errors["role"] = [MessageKeys.OwnAccount];
        var desks = await DesksAsync(edit.DeskIds, user.OfficeId, errors, ct);
        if (errors.Count > 0 || newRole is null)
            return Problem.Invalid(errors);
        if (edit.DisplayName is not null)
            user.DisplayName = edit.DisplayName.Trim();
        if (newRole != role)
        {
            await users.RemoveFromRoleAsync(user, role);
            await users.AddToRoleAsync(user, newRole);
            // The role travels in the sign-in's claims: sign-ins made with the old one are refused.
            await users.UpdateSecurityStampAsync(user);
        }
        else
            await users.UpdateAsync(user);
        if (edit.DeskIds is not null || newRole != role)
            await AssignAsync(user.Id, newRole == Roles.Clerk ? desks : [], ct);
        return await DtoAsync(user, newRole, ct);
    }

    /// <summary>Disables (sign-in refused, every cookie and token revoked at once) or re-enables; not one's own account.</summary>
    public async Task<Outcome<StaffAccountDto>> SetDisabledAsync(int? adminOffice, string id, bool disabled, string? selfId, CancellationToken ct)
    {
        if (await FindAsync(adminOffice, id) is not { } found)
            return Problem.NotFound(MessageKeys.StaffUnknown);
        var (user, role) = found;
        if (id == selfId)
            return Problem.Conflict(MessageKeys.OwnAccount);
        if (user.Disabled != disabled)
        {
            user.Disabled = disabled;
            await users.UpdateSecurityStampAsync(user);
        }
        return await DtoAsync(user, role, ct);
    }

    /// <summary>
    /// A lost phone: the account's second factor is turned off and its key thrown away, which ends every sign-in of it (the
    /// security stamp changes). It signs in with the password alone and enrols again (an administrator is sent to).
    /// One's own goes through the account page, with a current code.
    /// </summary>
    public async Task<Outcome<StaffAccountDto>> ResetTwoFactorAsync(int? adminOffice, string id, string? selfId, CancellationToken ct)
    {
        if (await FindAsync(adminOffice, id) is not { } found)
            return Problem.NotFound(MessageKeys.StaffUnknown);
        var (user, role) = found;
        if (id == selfId)
            return Problem.Conflict(MessageKeys.OwnAccount);
        await twoFactor.DisableAsync(user);
        return await DtoAsync(user, role, ct);
    }

    async Task<(AppUser User, string Role)?> FindAsync(int? adminOffice, string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || (adminOffice is not null && user.OfficeId != adminOffice))
            return null;
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(Roles.Admin) ? (user, Roles.Admin) : roles.Contains(Roles.Clerk) ? (user, Roles.Clerk) : null;
    }

    async Task<List<int>> DesksAsync(List<int>? ids, int? office, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0)
            return [];
        var distinct = ids.Distinct().ToList();
        var known = await db.Desks.Where(d => distinct.Contains(d.Id) && d.OfficeId == office).Select(d => d.Id).ToListAsync(ct);
        if (known.Count != distinct.Count)
            errors["deskIds"] = [MessageKeys.DeskUnknown];
        return known;
    }

    async Task AssignAsync(string userId, List<int> desks, CancellationToken ct)
    {
        await db.StaffDesks.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        db.StaffDesks.AddRange(desks.Select(d => new StaffDesk { UserId = userId, DeskId = d }));
        await db.SaveChangesAsync(ct);
    }

    async Task<StaffAccountDto> DtoAsync(AppUser user, string role, CancellationToken ct) =>
        ToDto(user, role, await db.StaffDesks.AsNoTracking().Where(s => s.UserId == user.Id).Select(s => s.DeskId).ToListAsync(ct));

    static StaffAccountDto ToDto(AppUser u, string role, IEnumerable<int> desks) =>
        new(u.Id, u.Email ?? "", u.DisplayName, role, u.OfficeId, desks.Order().ToList(), u.Disabled, u.PasswordHash is null, u.TwoFactorEnabled);

    static string? RoleOf(string? role) => StaffRoles.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
