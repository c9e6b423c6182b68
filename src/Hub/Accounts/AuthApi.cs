using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Accounts;

/// <param name="TwoFactorCode">The authenticator's code, for an account with a second factor (named as Identity's own login API names it).</param>
/// <param name="TwoFactorRecoveryCode">Instead of the code: one of the account's recovery codes, used up.</param>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

/// <summary>
/// <c>POST /api/auth/login</c>: a bearer token for staff and agents (API.md). Repeated failures are throttled
/// (<see cref="SignInCheck"/>); an account with a second factor needs its code too, else 401 <c>TwoFactorRequired</c>.
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", LoginAsync).WithTags("Accounts").WithName("Login").AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        return app;
    }

    static async Task<Results<SignInHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInCheck check, SignInManager<AppUser> signIn, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? [MessageKeys.Required] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? [MessageKeys.Required] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary()));
        // One answer for every refusal (unknown address, wrong password, locked, throttled): it tells a stranger nothing.
        if (await check.CheckAsync(request.Email, request.Password, http.Connection.RemoteIpAddress) is not { } user)
            return Problems.Status(StatusCodes.Status401Unauthorized, MessageKeys.LoginFailed);
        if (user.TwoFactorEnabled)
        {
            // Past the password, with no code yet: the caller asks its user for the code and sends both again.
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode) && string.IsNullOrWhiteSpace(request.TwoFactorRecoveryCode))
                return Problems.Status(StatusCodes.Status401Unauthorized, MessageKeys.TwoFactorRequired);
            if (!await check.SecondFactorAsync(user, request.TwoFactorCode, request.TwoFactorRecoveryCode, http.Connection.RemoteIpAddress, AuditChannel.Api))
                return Problems.Status(StatusCodes.Status401Unauthorized, MessageKeys.LoginFailed);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
