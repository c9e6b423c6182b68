using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Rantevou.Hub.Infrastructure;

/// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (section Rantevou:Proxy).</summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>. None: forwarded headers are ignored.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// Running behind a proxy and on the open internet: forwarded client addresses from known proxies only (so the rate
/// limiter and the audit log see the citizen, not the proxy), HTTPS redirection and HSTS outside development,
/// security headers on every answer, and rate limits on the booking and sign-in forms as on their API.
/// </summary>
public static class Hardening
{
    /// <summary>
    /// Scripts and styles come only from this server: no inline script or handler anywhere (data blocks are
    /// <c>type="application/json"</c>, which CSP does not run). The hub's WebSocket is same-origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Hangfire's dashboard writes inline scripts and styles of its own; it is for administrators only.</summary>
    const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Where Kestrel listens when nothing says so (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, Kestrel:Endpoints).</summary>
    const string DefaultUrl = "http://localhost:5080";

    public static IHostApplicationBuilder AddRantevouHardening(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["http_ports"]) &&
            string.IsNullOrEmpty(config["https_ports"]) && !config.GetSection("Kestrel:Endpoints").Exists())
            builder.WebHost.UseUrls(DefaultUrl);

        var proxy = config.GetSection("Rantevou:Proxy").Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only what is configured: the framework's default trusts loopback, which a proxy on the same host is not always.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies)
                o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        // An office's address is not localhost; the framework's default excludes it, which would hide HSTS from the tests.
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            // The password, and the codes of the second factor: each form post counts as a sign-in attempt.
            foreach (var page in (string[])["/Account/Login", "/Account/LoginTwoFactor", "/Account/TwoFactor"])
                o.Conventions.AddPageApplicationModelConvention(page,
                    m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.LoginForm)));
            foreach (var page in (string[])["/Book/Details", "/Book/Sent", "/Manage/Find", "/Manage/Confirm", "/Manage/Cancel", "/Manage/Reschedule", "/Manage/Coming", "/Manage/Release"])
                o.Conventions.AddPageApplicationModelConvention(page,
                    m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.BookingForm)));
        });
        return builder;
    }

    /// <summary>First in the pipeline: every later step sees the client's address and scheme, and every answer has the headers.</summary>
    public static WebApplication UseRantevouHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/hangfire") ? DashboardPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            return next(http);
        });
        return app;
    }
}
