using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Accounts;

namespace Rantevou.Web.Pages.Account;

/// <summary>
/// Between the password and the second code: who is signing in, in a short-lived cookie that only this server can read
/// (data protection) and that is no sign-in at all. It names the account and its security stamp, so a password change
/// in between ends it too, and lasts <see cref="Lifetime"/> by the app's clock.
/// </summary>
public static class PendingSignIn
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    const string Cookie = "rantevou.2fa";
    const string Purpose = "Rantevou.PendingSignIn";

    public static void Start(HttpContext http, AppUser user, TimeProvider clock)
    {
        var protector = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        http.Response.Cookies.Append(Cookie, protector.Protect(string.Join('|', user.Id, user.SecurityStamp, issued)), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/account/login",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The account half signed in, when the cookie is there, unexpired and still matches the account.</summary>
    public static async Task<AppUser?> FindAsync(HttpContext http, Microsoft.AspNetCore.Identity.UserManager<AppUser> users, TimeProvider clock)
    {
        if (http.Request.Cookies[Cookie] is not { Length: > 0 } value)
            return null;
        string[] parts;
        try
        {
            parts = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(value).Split('|');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        if (parts.Length != 3 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var issued))
            return null;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        if (age < TimeSpan.Zero || age > Lifetime)
            return null;
        return await users.FindByIdAsync(parts[0]) is { TwoFactorEnabled: true } user && user.SecurityStamp == parts[1] ? user : null;
    }

    public static void End(HttpContext http) => http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/account/login" });
}
