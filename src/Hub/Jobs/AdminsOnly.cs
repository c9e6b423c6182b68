using Hangfire.Dashboard;
using Rantevou.Core.Accounts;

namespace Rantevou.Hub.Jobs;

/// <summary>The Hangfire dashboard at /hangfire is for administrators only (signed in with the site's cookie).</summary>
public sealed class AdminsOnly : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountOptions>>().Value;
        // As every administration page: with a second factor when it is required (Accounts.AdminTwoFactorHandler).
        return http.User.IsInRole(Roles.Admin) && Accounts.AdminTwoFactorHandler.IsSatisfied(http.User, options);
    }
}
