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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(NewPassword))
            Errors["NewPassword"] = messages[MessageKeys.Required];
        else if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Token))
            Errors["NewPassword"] = messages[MessageKeys.LinkExpired];
        else
        {
            var result = await links.ResetAsync(Email, Token, NewPassword);
            if (result.Succeeded)
                return RedirectToPage("/Account/Login", new { changed = "true", email = Email, culture = Language.Query });
            Errors["NewPassword"] = messages[result.Errors.Any(e => e.Code == "InvalidToken") ? MessageKeys.LinkExpired : MessageKeys.PasswordWeak];
        }
        NewPassword = null;
        ViewData["HasErrors"] = true;
        return Page();
    }
}
