using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rantevou.Core.Accounts;
using Rantevou.Core.Localization;

namespace Rantevou.Web.Pages.Account;

/// <summary>Sign-out is a POST (with the antiforgery token), so a link elsewhere cannot sign a clerk out.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        // Said on the sign-in page, so a clerk at a shared desk sees the session really ended.
        return RedirectToPage("/Account/Login", new { signedOut = true, culture = Language.Query });
    }
}
