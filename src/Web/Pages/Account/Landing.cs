using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Rantevou.Core.Accounts;

namespace Rantevou.Web.Pages.Account;

/// <summary>
/// Where a sign-in ends: the page the person was sent from, if they may open it, else the page of their role — an
/// agent's portal (R7), the clerk screen, the administration (R8, R11). Never "access denied" right after signing in.
/// </summary>
public static class Landing
{
    /// <summary>The signed-in areas and who may open them, as their pages' [Authorize] attributes say.</summary>
    static readonly (PathString Area, string Policy)[] Areas =
    [
        ("/admin", Policies.Admin), ("/hangfire", Policies.Admin), ("/clerk", Policies.Staff), ("/agent", Policies.Agent),
    ];

    public static string Home(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? "/admin"
        : user.IsInRole(Roles.Clerk) ? "/clerk"
        : user.IsInRole(Roles.Agent) ? "/agent"
        : "/";

    /// <param name="returnUrl">Already checked to be local (a crafted link must not send anyone to another site).</param>
    public static async Task<string> ForAsync(ClaimsPrincipal user, string? returnUrl, IAuthorizationService authorization)
    {
        if (string.IsNullOrEmpty(returnUrl))
            return Home(user);
        var path = new PathString("/" + returnUrl.TrimStart('~', '/').Split('?', '#')[0]);
        foreach (var (area, policy) in Areas)
            if (path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase)
                && !(await authorization.AuthorizeAsync(user, policy)).Succeeded)
                return Home(user);
        return returnUrl;
    }
}
