using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Rantevou.Core.Accounts;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Accounts;

/// <param name="Key">The key to enrol with (only while the second factor is off), for typing into the app.</param>
/// <param name="Uri">The same as an otpauth:// address, what the page's QR code holds.</param>
public sealed record TwoFactorState(bool Enabled, int RecoveryCodesLeft, string? Key, string? Uri);

public sealed record TwoFactorCode(string? Code);

public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

/// <summary>
/// The signed-in account's own second factor (<see cref="TwoFactor"/>), the API twin of the page /account/two-factor.
/// Turning it on answers the recovery codes, once; turning it off and new recovery codes ask for a current code, so
/// a stolen token alone cannot do either. Turning it on or off changes the security stamp: every sign-in of the account
/// ends, this token too, and the caller signs in again (with a code once it is on).
/// </summary>
public static class TwoFactorApi
{
    public static IEndpointRouteBuilder MapTwoFactorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account/two-factor").WithTags("Accounts").RequireAuthorization(Policies.Account).RequireRateLimiting(RateLimits.Login);
        api.MapGet("/", StateAsync).WithName("TwoFactorState");
        api.MapPost("/", EnrolAsync).WithName("EnrolTwoFactor").Audited("account.two-factor.enrol");
        api.MapPost("/disable", DisableAsync).WithName("DisableTwoFactor").Audited("account.two-factor.disable");
        api.MapPost("/recovery-codes", NewRecoveryCodesAsync).WithName("NewRecoveryCodes").Audited("account.two-factor.recovery-codes");
        return app;
    }

    static async Task<Results<Ok<TwoFactorState>, ProblemHttpResult>> StateAsync(
        ClaimsPrincipal principal, UserManager<AppUser> users, TwoFactor twoFactor)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return Problems.From(Problem.Unauthorized());
        if (user.TwoFactorEnabled)
            return TypedResults.Ok(new TwoFactorState(true, await users.CountRecoveryCodesAsync(user), null, null));
        var key = await twoFactor.PendingKeyAsync(user);
        return TypedResults.Ok(new TwoFactorState(false, 0, key, TwoFactor.Uri(user.Email ?? "", key)));
    }

    static async Task<Results<Ok<RecoveryCodes>, ProblemHttpResult>> EnrolAsync(
        TwoFactorCode request, ClaimsPrincipal principal, UserManager<AppUser> users, TwoFactor twoFactor)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return Problems.From(Problem.Unauthorized());
        if (user.TwoFactorEnabled)
            return Problems.From(Problem.Conflict(MessageKeys.TwoFactorAlreadyOn));
        return await twoFactor.EnableAsync(user, request.Code) is { } codes
            ? TypedResults.Ok(new RecoveryCodes(codes))
            : Problems.From(WrongCode);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DisableAsync(
        TwoFactorCode request, ClaimsPrincipal principal, UserManager<AppUser> users, TwoFactor twoFactor, SignInCheck check,
        HttpContext http)
    {
        var confirmed = await ConfirmedAsync(request, principal, users, check, http);
        if (!confirmed.Ok)
            return Problems.From(confirmed.Problem);
        await twoFactor.DisableAsync(confirmed.Value);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<RecoveryCodes>, ProblemHttpResult>> NewRecoveryCodesAsync(
        TwoFactorCode request, ClaimsPrincipal principal, UserManager<AppUser> users, TwoFactor twoFactor, SignInCheck check,
        HttpContext http)
    {
        var confirmed = await ConfirmedAsync(request, principal, users, check, http);
        if (!confirmed.Ok)
            return Problems.From(confirmed.Problem);
        return TypedResults.Ok(new RecoveryCodes(await twoFactor.NewRecoveryCodesAsync(confirmed.Value)));
    }

    /// <summary>The signed-in account whose factor is on and who gave its current code; else why not.</summary>
    static async Task<Outcome<AppUser>> ConfirmedAsync(TwoFactorCode request, ClaimsPrincipal principal,
        UserManager<AppUser> users, SignInCheck check, HttpContext http)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return Problem.Unauthorized();
        if (!user.TwoFactorEnabled)
            return Problem.Conflict(MessageKeys.TwoFactorOff);
        if (!await check.ConfirmCodeAsync(user, request.Code, http.Connection.RemoteIpAddress))
            return WrongCode;
        return user;
    }

    static Problem WrongCode => Problem.Invalid(new Dictionary<string, string[]> { ["code"] = [MessageKeys.TwoFactorCodeWrong] });
}
