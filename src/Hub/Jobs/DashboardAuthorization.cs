using Hangfire.Dashboard;
using Rantevou.Core.Accounts;

namespace Rantevou.Hub.Jobs;

/// <summary>The Hangfire dashboard at /hangfire is for administrators only (signed in with the site's cookie).</summary>
public sealed class AdminsOnly : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
