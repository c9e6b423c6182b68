using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;

namespace Rantevou.Web.Pages.Account;

/// <summary>
/// The page of the invitation's and the reset mail's link. The Identity token works once (the new password
/// changes the stamp it carries) and expires; every earlier sign-in of the account ends. Rate-limited like sign-in.
/// </summary>
[EnableRateLimiting("login")]
public sealed class SetPasswordModel(PasswordLinks links, IStringLocalizer<Messages> messages) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The link is used or expired: said at once, with the way to a new one, instead of after typing a password.</summary>
    public bool Expired { get; private set; }

    public async Task OnGetAsync()
    {
        if (await links.IsUsableAsync(Email, Token))
            return;
        Expired = true;
        Errors["forgot"] = messages[MessageKeys.LinkExpired];
        ViewData["HasErrors"] = true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(NewPassword))
            Errors["NewPassword"] = messages[MessageKeys.Required];
        else if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Token))
        {
            Expired = true;
            Errors["forgot"] = messages[MessageKeys.LinkExpired];
        }
        else
        {
            var result = await links.ResetAsync(Email, Token, NewPassword);
            if (result.Succeeded)
                return RedirectToPage("/Account/Login", new { changed = "true", email = Email, culture = Language.Query });
            Expired = result.Errors.Any(e => e.Code == "InvalidToken");
            // The summary's link leads to what to do: ask for a new link, or type a stronger password.
            Errors[Expired ? "forgot" : "NewPassword"] = messages[Expired ? MessageKeys.LinkExpired : MessageKeys.PasswordWeak];
        }
        NewPassword = null;
        ViewData["HasErrors"] = true;
        return Page();
    }
}
