using Microsoft.AspNetCore.Http;

namespace Rantevou.Core.Devices;

/// <summary>
/// The device's secret travels as an HttpOnly cookie (no script on the page can read it) with SameSite=Strict (no other
/// site can make the kiosk post), Secure whenever the site is served over HTTPS. Its life is given as a duration
/// (Max-Age), not a date: the browser counts it on its own clock, which is not the office's under the training clock.
/// </summary>
public static class DeviceCookies
{
    public const string Device = "rantevou.device";
    public const string Pairing = "rantevou.pairing";

    public static string? Read(HttpContext http, string name = Device) =>
        http.Request.Cookies.TryGetValue(name, out var value) && value is { Length: > 0 and <= 128 } ? value : null;

    public static void Write(HttpContext http, string name, string secret, TimeSpan lifetime) =>
        http.Response.Cookies.Append(name, secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            Path = "/",
            MaxAge = lifetime,
        });

    public static void Delete(HttpContext http, string name) =>
        http.Response.Cookies.Delete(name, new CookieOptions { Path = "/", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, HttpOnly = true });
}
