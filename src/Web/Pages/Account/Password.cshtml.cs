using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;

namespace Rantevou.Web.Pages.Account;

/// <summary>
/// Change one's own password with the current one. Every sign-in of the account ends (the security stamp
/// changes), this one too: the page sends the person to sign in with the new password.
/// </summary>
[Authorize(Policy = Policies.Account)]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<Messages> messages) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    [Audited("account.password", OwnAccount = true)]
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (string.IsNullOrEmpty(CurrentPassword))
            Errors["CurrentPassword"] = messages[MessageKeys.Required];
        if (string.IsNullOrEmpty(NewPassword))
            Errors["NewPassword"] = messages[MessageKeys.Required];
        if (Errors.Count == 0)
        {
            var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
            if (result.Succeeded)
            {
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/Login", new { changed = "true", culture = Language.Query });
            }
            if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
                Errors["CurrentPassword"] = messages[MessageKeys.PasswordWrong];
            else
                Errors["NewPassword"] = messages[MessageKeys.PasswordWeak];
        }
        CurrentPassword = NewPassword = null;
        ViewData["HasErrors"] = true;
        return Page();
    }
}
