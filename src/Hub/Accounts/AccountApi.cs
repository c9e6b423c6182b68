using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Accounts;

public sealed record PasswordCheck(string? Password);

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

public sealed record ForgotPassword(string? Email);

/// <param name="Token">The Identity token from the invitation or reset mail's link.</param>
public sealed record PasswordReset(string? Email, string? Token, string? NewPassword);

/// <summary>
/// The signed-in account's own sessions and password. Both ask for the current password: a stolen token
/// alone can neither change the password nor sign the owner out everywhere. Either changes the security stamp, so every
/// other cookie and token of the account is refused from its next request (<see cref="SessionCheck"/>); the answer to a
/// password change carries nothing, and the caller signs in again.
/// </summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account").WithTags("Accounts").RequireAuthorization(Policies.Account).RequireRateLimiting(RateLimits.Login);
        api.MapPost("/sign-out-everywhere", SignOutEverywhereAsync).WithName("SignOutEverywhere").Audited("account.sign-out-everywhere");
        api.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword").Audited("account.password");

        // Signed out: forgot password, and the invitation's or reset mail's link (one use, short-lived Identity tokens).
        var open = app.MapGroup("/api/account").WithTags("Accounts").AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        open.MapPost("/forgot", ForgotAsync).WithName("ForgotPassword");
        open.MapPost("/reset-password", ResetAsync).WithName("ResetPassword");
        return app;
    }

    static async Task<Results<NoContent, ProblemHttpResult>> SignOutEverywhereAsync(
        PasswordCheck request, ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        if (string.IsNullOrEmpty(request.Password))
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["password"] = [MessageKeys.Required] }));
        if (await users.GetUserAsync(principal) is not { } user || !await users.CheckPasswordAsync(user, request.Password))
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["password"] = [MessageKeys.PasswordWrong] }));
        await users.UpdateSecurityStampAsync(user);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChange request, ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword))
            errors["currentPassword"] = [MessageKeys.Required];
        if (string.IsNullOrEmpty(request.NewPassword))
            errors["newPassword"] = [MessageKeys.Required];
        if (errors.Count > 0 || request is not { CurrentPassword: { } current, NewPassword: { } password })
            return Problems.From(Problem.Invalid(errors));
        if (await users.GetUserAsync(principal) is not { } user)
            return Problems.Status(StatusCodes.Status401Unauthorized, MessageKeys.Unauthorized);
        return Problems.FromPassword(await users.ChangePasswordAsync(user, current, password), "newPassword")
            ?? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent();
    }

    /// <summary>
    /// 202 whether or not the address has an account, so the answer tells nobody which addresses exist; an account
    /// that can sign in (or is still invited) gets a mail with a link to choose a new password.
    /// </summary>
    static async Task<Results<Accepted, ProblemHttpResult>> ForgotAsync(
        ForgotPassword request, PasswordLinks links, CancellationToken ct)
    {
        if (ContactRules.NormalizeEmail(request.Email) is not { } email)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["email"] = [MessageKeys.EmailInvalid] }));
        await links.SendResetAsync(email, ct);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Sets the password from a mail's link: an unknown address answers as a used or expired link does.</summary>
    static async Task<Results<NoContent, ProblemHttpResult>> ResetAsync(PasswordReset request, PasswordLinks links)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Token))
            errors["token"] = [MessageKeys.LinkExpired];
        if (string.IsNullOrEmpty(request.NewPassword))
            errors["newPassword"] = [MessageKeys.Required];
        if (errors.Count > 0 || request is not { Email: { } email, Token: { } token, NewPassword: { } password })
            return Problems.From(Problem.Invalid(errors));
        return Problems.FromPassword(await links.ResetAsync(email, token, password), "newPassword")
            ?? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent();
    }
}
