using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web.Pages.Account;

/// <summary>
/// The signed-in account's second factor (<see cref="TwoFactor"/>): enrol with a QR code or the key typed by hand and a
/// first code, then see the ten recovery codes once; later new recovery codes, a new phone (reset) or off, each with a
/// current code. Turning it on or off changes the security stamp: every other sign-in of the account ends, and this
/// one is signed in afresh so the person stays on the page. Administrators are sent here when it is required.
/// </summary>
[Authorize(Policy = Policies.Account)]
public sealed class TwoFactorModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, TwoFactor twoFactor, SignInCheck check, IOptions<AccountOptions> options,
    IStringLocalizer<Messages> messages) : PageModel
{
    const string CodesKey = "TwoFactorRecoveryCodes";
    const string NoticeKey = "TwoFactorNotice";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public AppUser Account { get; private set; } = null!;
    public string? Key { get; private set; }
    public string? QrImage { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Notice { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>This account may not use the administration until it enrols.</summary>
    public bool Required => options.Value.RequireAdminTwoFactor && User.IsInRole(Roles.Admin) && !Account.TwoFactorEnabled;

    public string? Continue => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        // Shown once, straight after they were made (post/redirect/get through TempData, as Identity's own pages do).
        if (TempData[CodesKey] is string codes)
            RecoveryCodes = codes.Split('\n');
        Notice = TempData[NoticeKey] as string;
        return await ShowAsync(user);
    }

    [Audited("account.two-factor.enrol", OwnAccount = true)]
    public async Task<IActionResult> OnPostEnrolAsync(string? code)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (user.TwoFactorEnabled)
            return Back();
        if (await twoFactor.EnableAsync(user, code) is not { } codes)
            return await RefuseAsync(user, "Code", MessageKeys.TwoFactorCodeWrong);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData[CodesKey] = string.Join('\n', codes);
        return Back();
    }

    [Audited("account.two-factor.recovery-codes", OwnAccount = true)]
    public async Task<IActionResult> OnPostRecoveryCodesAsync(string? newCodesCode)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!user.TwoFactorEnabled)
            return Back();
        if (!await check.ConfirmCodeAsync(user, newCodesCode, HttpContext.Connection.RemoteIpAddress))
            return await RefuseAsync(user, "NewCodesCode", MessageKeys.TwoFactorCodeWrong);
        TempData[CodesKey] = string.Join('\n', await twoFactor.NewRecoveryCodesAsync(user));
        return Back();
    }

    /// <summary>A new phone: off, then the page offers a new key at once.</summary>
    [Audited("account.two-factor.reset", OwnAccount = true)]
    public Task<IActionResult> OnPostResetAsync(string? offCode) => TurnOffAsync(offCode, "TwoFactorResetDone");

    [Audited("account.two-factor.disable", OwnAccount = true)]
    public Task<IActionResult> OnPostDisableAsync(string? offCode) => TurnOffAsync(offCode, "TwoFactorDisabledDone");

    async Task<IActionResult> TurnOffAsync(string? code, string notice)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!user.TwoFactorEnabled)
            return Back();
        if (!await check.ConfirmCodeAsync(user, code, HttpContext.Connection.RemoteIpAddress))
            return await RefuseAsync(user, "OffCode", MessageKeys.TwoFactorCodeWrong);
        await twoFactor.DisableAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData[NoticeKey] = notice;
        return Back();
    }

    async Task<IActionResult> ShowAsync(AppUser user)
    {
        Account = user;
        if (user.TwoFactorEnabled)
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        else
        {
            var key = await twoFactor.PendingKeyAsync(user);
            Key = TwoFactor.Grouped(key);
            QrImage = QrImages.DataUri(TwoFactor.Uri(user.Email ?? "", key), pixelsPerModule: 6);
        }
        return Page();
    }

    async Task<IActionResult> RefuseAsync(AppUser user, string field, string key)
    {
        Errors[field] = messages[key];
        ViewData["HasErrors"] = true;
        return await ShowAsync(user);
    }

    IActionResult Back() =>
        RedirectToPage("/Account/TwoFactor", new { returnUrl = Continue });
}
