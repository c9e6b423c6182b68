using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;

namespace Rantevou.Web.Pages.Manage;

/// <summary>
/// R2 for a lost mail: the booking's code and its email bring its mail again (<see cref="LinkResend"/>). The answer is
/// the same whether or not they match, so the page tells nobody who booked what. Rate-limited like the booking forms.
/// </summary>
public sealed class FindModel(LinkResend resend, IStringLocalizer<Messages> messages) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Email { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public bool Sent { get; private set; }

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BookingCode.Normalize(Code) is null)
            Errors["Code"] = messages[string.IsNullOrWhiteSpace(Code) ? MessageKeys.Required : MessageKeys.BookingCodeInvalid];
        if (ContactRules.NormalizeEmail(Email) is null)
            Errors["Email"] = messages[string.IsNullOrWhiteSpace(Email) ? MessageKeys.Required : MessageKeys.EmailInvalid];
        if (Errors.Count > 0)
        {
            ViewData["HasErrors"] = true;
            return Page();
        }
        await resend.ByCodeAndEmailAsync(Code, Email, ct);
        return RedirectToPage("/Manage/Find", new { sent = "true", culture = Language.Query });
    }
}
