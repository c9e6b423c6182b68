using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rantevou.Core.Devices;
using Rantevou.Core.Localization;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Accounts;

/// <summary>
/// A signed-in clerk's browser sends the sign-in cookie with every request to this host, also when another origin of
/// the same site (another port or subdomain, which SameSite=Lax does not stop) makes it post. So a state-changing
/// request that is signed in by cookie must come from this origin: its <c>Origin</c> header, or failing that the
/// browser's <c>Sec-Fetch-Site</c>, says so. Every current browser sends one of them on a POST; a request with
/// neither is not a browser's and cannot carry someone else's cookie by accident. Bearer tokens are never ambient.
/// A WebSocket to the hub is held to the same rule as the hub's negotiate POST, so no other site holds a hub connection
/// signed in as the clerk, whatever the hub offers now or later.
/// Razor forms keep their antiforgery tokens as well.
/// </summary>
public static class SameOriginGuard
{
    public static IApplicationBuilder UseSameOriginForCookies(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (IsCrossOriginWithCookie(ctx))
        {
            await Problems.Status(StatusCodes.Status403Forbidden, MessageKeys.CrossOrigin).ExecuteAsync(ctx);
            return;
        }
        await next(ctx);
    });

    static bool IsCrossOriginWithCookie(HttpContext ctx)
    {
        var request = ctx.Request;
        // A WebSocket upgrade is a GET, but it opens a connection signed in for as long as it stays open.
        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        if (reads && !ctx.WebSockets.IsWebSocketRequest)
            return false;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return false;
        var cookie = ctx.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name;
        // A kiosk's device cookie is as ambient as a clerk's sign-in: a ticket posted from another origin is refused too.
        var ambient = (cookie is not null && request.Cookies.ContainsKey(cookie)) || request.Cookies.ContainsKey(DeviceCookies.Device);
        if (!ambient)
            return false;
        if (request.Headers.Origin is { Count: > 0 } origin)
            return !string.Equals(origin.ToString(), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        return request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site";
    }
}
