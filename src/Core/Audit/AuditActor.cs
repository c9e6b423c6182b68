using System.Security.Claims;
using Rantevou.Core.Accounts;

namespace Rantevou.Core.Audit;

/// <summary>The signed-in member of staff or agent as the log names them.</summary>
public sealed record AuditActor(string Id, string Name, string Role)
{
    /// <summary>The actor behind a principal, or null when it is anonymous or holds none of the audited roles.</summary>
    public static AuditActor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return null;
        // The strongest role names the actor: an admin standing in at a desk is still an admin.
        var role = new[] { Roles.Admin, Roles.Clerk, Roles.Agent }.FirstOrDefault(user.IsInRole);
        if (role is null)
            return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.Email) ?? id;
        return new AuditActor(id, name, role);
    }
}
