using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Rantevou.Core.Devices;
using Rantevou.Core.Localization;

namespace Rantevou.Hub.Infrastructure;

/// <summary>R12: the built-in rate limiter on booking, confirmation, login and kiosk endpoints; a refusal is a localized 429.</summary>
public static class RateLimits
{
    public const string Booking = "booking";
    public const string Login = "login";
    public const string Kiosk = "kiosk";
    public const string KioskTickets = "kiosk-tickets";

    /// <summary>The booking and sign-in forms: their posts are limited at the API's rate, a page's GET is free.</summary>
    public const string BookingForm = "booking-form";
    public const string LoginForm = "login-form";

    public static IServiceCollection AddRantevouRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration("Rantevou:RateLimits").ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            var options = limits.Value;
            o.AddPolicy(Booking, ctx => PerClient(ctx, Booking, options.BookingPerMinute));
            o.AddPolicy(Login, ctx => PerClient(ctx, Login, options.LoginPerMinute));
            o.AddPolicy(Kiosk, ctx => PerClient(ctx, Kiosk, options.KioskPerMinute));
            o.AddPolicy(KioskTickets, ctx => PerKiosk(ctx, options));
            o.AddPolicy(BookingForm, ctx => Posts(ctx, Booking, options.BookingPerMinute));
            o.AddPolicy(LoginForm, ctx => Posts(ctx, Login, options.LoginPerMinute));
            // The per-kiosk window is keyed by a credential not checked yet: someone making up a credential for every
            // request would get a fresh window each time. So every kiosk call also counts per client address.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => ctx.Request.Path.StartsWithSegments("/api/kiosk")
                ? PerClient(ctx, Kiosk, options.KioskPerMinute)
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString();
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var key = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == KioskTickets
                    ? MessageKeys.TooManyTickets : MessageKeys.TooManyRequests;
                await Problems.Status(StatusCodes.Status429TooManyRequests, key).ExecuteAsync(http);
            };
        });
        return services;
    }

    static RateLimitPartition<string> Posts(HttpContext ctx, string policy, int perMinute) =>
        HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : PerClient(ctx, policy, perMinute);

    /// <summary>
    /// One window per kiosk, keyed by its credential's hash (the limiter runs before the kiosk is looked up; a forged
    /// credential gets its own window and then a 401). Without a credential, the per-address kiosk limit.
    /// </summary>
    static RateLimitPartition<string> PerKiosk(HttpContext ctx, RateLimitOptions options) =>
        DeviceCookies.Read(ctx) is { } secret
            ? RateLimitPartition.GetFixedWindowLimiter($"{KioskTickets}:{DeviceSecrets.Hash(secret)}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.TicketsPerKioskPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : PerClient(ctx, Kiosk, options.KioskPerMinute);

    /// <summary>A fixed window per client address (the forwarded one behind a known proxy, Hardening) and policy.</summary>
    static RateLimitPartition<string> PerClient(HttpContext ctx, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy}:{ctx.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
