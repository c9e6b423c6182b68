using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Rantevou.Hub.Infrastructure;

/// <summary>Greek first, English second: <c>?culture=en</c>, then the cookie it sets, then Accept-Language; Greek by default.</summary>
public static class LocalizationSetup
{
    public static readonly string[] Cultures = ["el", "en"];

    public static IHostApplicationBuilder AddRantevouLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("el").AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
        return builder;
    }

    public static IApplicationBuilder UseRantevouLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        // A language chosen with ?culture= sticks for the next pages.
        return app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Query.ContainsKey("culture"))
            {
                var culture = CultureInfo.CurrentUICulture.Name;
                ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }
            await next(ctx);
        });
    }
}
