using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Account;

/// <summary>
/// The second step of signing in, for an account with a second factor: the authenticator's code or a recovery code.
/// Who is signing in comes from <see cref="PendingSignIn"/>; the sign-in cookie is issued only here. A wrong code is
/// throttled as a wrong password is (<see cref="SignInCheck.SecondFactorAsync"/>).
/// </summary>
public sealed class LoginTwoFactorModel(
    SignInManager<AppUser> signIn, SignInCheck check, IAuthorizationService authorization, IStringLocalizer<PageText> text, TimeProvider clock) : PageModel
{
    public const string Path = "/account/login/two-factor";

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await PendingSignIn.FindAsync(HttpContext, signIn.UserManager, clock) is null ? Restart() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingSignIn.FindAsync(HttpContext, signIn.UserManager, clock) is not { } user)
            return Restart();
        if (string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(RecoveryCode))
            return Fail(text["TwoFactorLoginRequired"]);
        if (!await check.SecondFactorAsync(user, Code, RecoveryCode, HttpContext.Connection.RemoteIpAddress, AuditChannel.Page))
            return Fail(text["TwoFactorLoginWrong"]);
        PendingSignIn.End(HttpContext);
        await signIn.SignInAsync(user, isPersistent: false);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return LocalRedirect(await Landing.ForAsync(principal, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, authorization));
    }

    /// <summary>No one half signed in (never, or more than five minutes ago): back to the password.</summary>
    IActionResult Restart() =>
        RedirectToPage("/Account/Login", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });

    IActionResult Fail(string message)
    {
        Errors[string.IsNullOrWhiteSpace(RecoveryCode) || !string.IsNullOrWhiteSpace(Code) ? "Code" : "RecoveryCode"] = message;
        Code = RecoveryCode = null;
        ViewData["HasErrors"] = true;
        return Page();
    }
}
