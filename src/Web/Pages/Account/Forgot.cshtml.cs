using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;

namespace Rantevou.Web.Pages.Account;

/// <summary>
/// Forgot password. The same answer whether or not the address has an account; an account that may sign in
/// gets a mail with a one-use, short-lived link to <c>/account/set-password</c>. Rate-limited like sign-in.
/// </summary>
[EnableRateLimiting("login")]
public sealed class ForgotModel(PasswordLinks links, IStringLocalizer<Messages> messages) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public string? Error { get; private set; }
    public bool Sent { get; private set; }

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ContactRules.NormalizeEmail(Email) is not { } email)
        {
            Error = messages[MessageKeys.EmailInvalid];
            ViewData["HasErrors"] = true;
            return Page();
        }
        await links.SendResetAsync(email, ct);
        return RedirectToPage("/Account/Forgot", new { sent = "true", culture = Language.Query });
    }
}
