using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Admin;

/// <summary>
/// The office an admin call reads or changes. An office's administrator acts in their own office only: naming another
/// with <c>?office=</c> is 403, not quietly their own. The directorate's administrator (no office) names one by its
/// slug, or acts in the first office; an unknown slug is 404.
/// </summary>
public static class AdminOffice
{
    const string Key = "rantevou.admin-office";

    public static TBuilder WithAdminOffice<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var asked = http.Request.Query["office"].ToString();
            var db = http.RequestServices.GetRequiredService<RantevouDbContext>();
            if (http.User.OfficeOf() is { } own)
            {
                if (asked.Length > 0 && !await db.Offices.AnyAsync(o => o.Id == own && o.Slug == asked, http.RequestAborted))
                    return Problems.Status(StatusCodes.Status403Forbidden, MessageKeys.OfficeNotYours);
                http.Items[Key] = own;
            }
            else if (await OfficeDirectory.ResolveAsync(db, asked, http.RequestAborted) is { } office)
                http.Items[Key] = office.Id;
            else
                return Problems.From(Problem.NotFound(MessageKeys.OfficeUnknown));
            return await next(context);
        });

    /// <summary>The office <see cref="WithAdminOffice"/> resolved for this request.</summary>
    public static int Id(HttpContext http) =>
        http.Items[Key] as int? ?? throw new InvalidOperationException("The endpoint has no WithAdminOffice filter.");
}
