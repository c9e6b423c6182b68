using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using Rantevou.Core.Accounts;
using Rantevou.Core.Localization;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Accounts;

/// <summary>
/// Part of <see cref="Policies.Admin"/> and <see cref="Policies.Staff"/>: when <see cref="AccountOptions.RequireAdminTwoFactor"/> is on, an administrator's
/// sign-in counts only with a second factor (<see cref="TwoFactor.ClaimType"/>). Clerks and agents are not asked.
/// </summary>
public sealed class AdminTwoFactorRequirement : IAuthorizationRequirement;

public sealed class AdminTwoFactorHandler(IOptions<AccountOptions> options) : AuthorizationHandler<AdminTwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminTwoFactorRequirement requirement)
    {
        // Someone who is no administrator is refused by the role requirement, not here: that refusal stays a plain 403.
        if (IsSatisfied(context.User, options.Value))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    public static bool IsSatisfied(System.Security.Claims.ClaimsPrincipal user, AccountOptions options) =>
        !options.RequireAdminTwoFactor || !user.IsInRole(Roles.Admin) || TwoFactor.IsOn(user);
}

/// <summary>
/// An administrator refused only for want of a second factor is told so: the API answers 403 with the code
/// <c>TwoFactorRequired</c>, and a page sends them to enrol, then back.
/// </summary>
public sealed class AdminTwoFactorResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string EnrolPage = "/account/two-factor";

    readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden || result.AuthorizationFailure is not { } failure
            || !failure.FailedRequirements.Any() || !failure.FailedRequirements.All(r => r is AdminTwoFactorRequirement))
        {
            await standard.HandleAsync(next, context, policy, result);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            await Problems.Status(StatusCodes.Status403Forbidden, MessageKeys.TwoFactorRequired).ExecuteAsync(context);
            return;
        }
        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect(EnrolPage + "?returnUrl=" + Uri.EscapeDataString(back));
    }
}
