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
/// The signed-in account's own page: its name, a link to change the password, and "sign out everywhere",
/// which changes the security stamp so every cookie and bearer token of the account is refused from its next request.
/// </summary>
[Authorize(Policy = Policies.Account)]
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<Messages> messages) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Account = user;
        return Page();
    }

    [Audited("account.sign-out-everywhere", OwnAccount = true)]
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(string? password)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            Account = user;
            Error = messages[MessageKeys.PasswordWrong];
            ViewData["HasErrors"] = true;
            return Page();
        }
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
