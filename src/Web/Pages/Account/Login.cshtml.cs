using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Accounts;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Account;

/// <summary>
/// Sign-in for staff and partner accounts with the Identity cookie; failed attempts are throttled (R12: no password guessing,
/// <see cref="SignInCheck"/>). An account with a second factor goes on to <see cref="LoginTwoFactorModel"/>. Each lands on the page of their role (<see cref="Landing"/>).
/// </summary>
public sealed class LoginModel(
    SignInManager<AppUser> signIn, SignInCheck check, IAuthorizationService authorization, IStringLocalizer<ClerkText> text, TimeProvider clock) : PageModel
{
    /// <summary>Also from the address after a password was set from a link, so the person only types the new password.</summary>
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    /// <summary>Back from setting or changing the password: said, so the person knows it worked.</summary>
    public bool Changed { get; private set; }

    /// <summary>Back from signing out: said, so the person at a shared desk knows the session ended.</summary>
    public bool SignedOut { get; private set; }

    public void OnGet(bool changed, bool signedOut) => (Changed, SignedOut) = (changed, signedOut);

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
            return Fail(text["LoginRequired"]);
        // One answer for every refusal (unknown address, wrong password, locked, throttled): it tells a stranger nothing.
        if (await check.CheckAsync(Email, Password, HttpContext.Connection.RemoteIpAddress) is not { } user)
            return Fail(text["LoginInvalid"]);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        if (user.TwoFactorEnabled)
        {
            // No sign-in yet: the second page asks for the code, knowing who from a short-lived protected cookie.
            PendingSignIn.Start(HttpContext, user, clock);
            return LocalRedirect(LoginTwoFactorModel.Path + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        }
        await signIn.SignInAsync(user, isPersistent: false);
        // Only a local address: a crafted link must not send a signed-in person elsewhere.
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return LocalRedirect(await Landing.ForAsync(principal, returnUrl, authorization));
    }

    IActionResult Fail(string message)
    {
        Error = message;
        Password = null;
        ViewData["HasErrors"] = true;
        return Page();
    }
}
