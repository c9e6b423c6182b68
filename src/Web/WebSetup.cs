using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.WebEncoders;
using Rantevou.Web.Booking;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web;

public static class WebSetup
{
    public static IHostApplicationBuilder AddRantevouWeb(this IHostApplicationBuilder builder)
    {
        // R12: staff, agent and admin form posts reach the audit log through one filter.
        builder.Services.AddRazorPages().AddMvcOptions(o =>
        {
            o.Filters.Add(new AuditPageFilter());
            o.Filters.Add(new UnknownHandlerFilter());
            // No page posts jQuery's "a[b]" keys, and MVC's reader of them throws on an unclosed bracket: a request
            // with such a form key was a 500 instead of the page's own answer.
            o.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            o.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
        });
        // Greek text stays readable in the HTML instead of becoming numeric entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddScoped<BookableDays>();
        builder.Services.AddFriendlyNotFound();
        return builder;
    }

    public static IEndpointRouteBuilder MapRantevouWeb(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets();
        app.MapRazorPages();
        return app;
    }
}
