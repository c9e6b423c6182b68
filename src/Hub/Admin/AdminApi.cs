using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Admin;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Time;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Admin;

/// <summary>
/// R11: administrators change services, groups, desks, hours, special days and booking settings.
/// A change that would cancel bookings answers 409 <c>AffectsBookings</c> with the list in <c>affected</c> and changes
/// nothing; the same request with <c>?confirm=true</c> applies it and cancels those bookings, each told by email.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin).WithAdminOffice();
        api.MapGet("/services", async (HttpContext http, AdminCatalogue admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.ServicesAsync(AdminOffice.Id(http), ct)));
        api.MapPost("/services", CreateServiceAsync).Audited("admin.service.create");
        api.MapPut("/services/{id:int}", EditServiceAsync).Audited("admin.service.update");
        api.MapGet("/groups", async (HttpContext http, AdminCatalogue admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.GroupsAsync(AdminOffice.Id(http), ct)));
        api.MapPost("/groups", SaveGroupAsync).Audited("admin.group.create");
        api.MapPut("/groups/{id:int}", SaveGroupAsync).Audited("admin.group.update");
        api.MapGet("/desks", async (HttpContext http, AdminCatalogue admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.DesksAsync(AdminOffice.Id(http), ct)));
        api.MapPost("/desks", CreateDeskAsync).Audited("admin.desk.create");
        api.MapPut("/desks/{id:int}", EditDeskAsync).Audited("admin.desk.update");
        api.MapGet("/hours", async (HttpContext http, AdminCalendar admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.HoursAsync(AdminOffice.Id(http), ct)));
        api.MapPut("/hours", SetHoursAsync).Audited("admin.hours.update");
        api.MapGet("/hours/changes", async (HttpContext http, AdminCalendar admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.HoursChangesAsync(AdminOffice.Id(http), ct)));
        api.MapDelete("/hours/changes/{date}", RemoveHoursChangeAsync).Audited("admin.hours.change.remove");
        api.MapGet("/special-days", async (HttpContext http, AdminCalendar admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.SpecialDaysAsync(AdminOffice.Id(http), ct)));
        api.MapPut("/special-days/{date}", SetSpecialDayAsync).Audited("admin.special-day.set");
        api.MapDelete("/special-days/{date}", RemoveSpecialDayAsync).Audited("admin.special-day.remove");
        api.MapGet("/settings", async (HttpContext http, AdminCalendar admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.SettingsAsync(AdminOffice.Id(http), ct)));
        api.MapPut("/settings", SetSettingsAsync).Audited("admin.settings.update");
        return app;
    }

    static async Task<Results<Ok<ChangeDone>, ProblemHttpResult>> EditServiceAsync(
        int id, ServiceEdit edit, bool? confirm, HttpContext http, AdminCatalogue admin, CancellationToken ct) =>
        await AnswerAsync(http, await admin.EditServiceAsync(AdminOffice.Id(http), id, edit, confirm == true, ct));

    static async Task<Results<Created<AdminService>, ProblemHttpResult>> CreateServiceAsync(
        ServiceEdit edit, HttpContext http, AdminCatalogue admin, CancellationToken ct)
    {
        var outcome = await admin.CreateServiceAsync(AdminOffice.Id(http), edit, ct);
        return outcome.Ok ? TypedResults.Created($"/api/admin/services/{outcome.Value.Id}", outcome.Value) : Problems.From(outcome.Problem);
    }

    static async Task<Results<Ok<AdminGroup>, ProblemHttpResult>> SaveGroupAsync(
        int? id, GroupEdit edit, HttpContext http, AdminCatalogue admin, CancellationToken ct)
    {
        var outcome = await admin.SaveGroupAsync(AdminOffice.Id(http), id, edit, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }

    static async Task<Results<Created<AdminDesk>, ProblemHttpResult>> CreateDeskAsync(
        DeskEdit edit, HttpContext http, AdminCatalogue admin, CancellationToken ct)
    {
        var outcome = await admin.CreateDeskAsync(AdminOffice.Id(http), edit, ct);
        return outcome.Ok ? TypedResults.Created($"/api/admin/desks/{outcome.Value.Id}", outcome.Value) : Problems.From(outcome.Problem);
    }

    static async Task<Results<Ok<ChangeDone>, ProblemHttpResult>> EditDeskAsync(
        int id, DeskEdit edit, bool? confirm, HttpContext http, AdminCatalogue admin, CancellationToken ct) =>
        await AnswerAsync(http, await admin.EditDeskAsync(AdminOffice.Id(http), id, edit, confirm == true, ct));

    /// <summary>The week from the office's today, or from <paramref name="from"/> (YYYY-MM-DD) when it is set ahead.</summary>
    static async Task<Results<Ok<ChangeDone>, ProblemHttpResult>> SetHoursAsync(
        List<HoursEdit> week, bool? confirm, string? from, HttpContext http, AdminCalendar admin, CancellationToken ct)
    {
        DateOnly? day = null;
        if (!string.IsNullOrEmpty(from) && (day = IsoDate.Parse(from)) is null)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["from"] = [MessageKeys.DateInvalid] }));
        return await AnswerAsync(http, await admin.SetHoursAsync(AdminOffice.Id(http), week, confirm == true, ct, day));
    }

    static async Task<Results<Ok<ChangeDone>, ProblemHttpResult>> RemoveHoursChangeAsync(
        string date, bool? confirm, HttpContext http, AdminCalendar admin, CancellationToken ct)
    {
        if (IsoDate.Parse(date) is not { } day)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["date"] = [MessageKeys.DateInvalid] }));
        return await AnswerAsync(http, await admin.RemoveHoursChangeAsync(AdminOffice.Id(http), day, confirm == true, ct));
    }

    static async Task<Results<Ok<ChangeDone>, ProblemHttpResult>> SetSpecialDayAsync(
        string date, SpecialDayEdit edit, bool? confirm, HttpContext http, AdminCalendar admin, CancellationToken ct)
    {
        if (IsoDate.Parse(date) is not { } day)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["date"] = [MessageKeys.DateInvalid] }));
        return await AnswerAsync(http, await admin.SetSpecialDayAsync(AdminOffice.Id(http), day, edit, confirm == true, ct));
    }

    static async Task<Results<Ok<ChangeDone>, ProblemHttpResult>> RemoveSpecialDayAsync(
        string date, bool? confirm, HttpContext http, AdminCalendar admin, CancellationToken ct)
    {
        if (IsoDate.Parse(date) is not { } day)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["date"] = [MessageKeys.DateInvalid] }));
        return await AnswerAsync(http, await admin.RemoveSpecialDayAsync(AdminOffice.Id(http), day, confirm == true, ct));
    }

    static async Task<Results<Ok<OfficeSettings>, ProblemHttpResult>> SetSettingsAsync(
        OfficeSettings settings, HttpContext http, AdminCalendar admin, CancellationToken ct)
    {
        var outcome = await admin.SetSettingsAsync(AdminOffice.Id(http), settings, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }

    /// <summary>The change, or the bookings it would cancel, their times in the office's own time zone.</summary>
    static async Task<Results<Ok<ChangeDone>, ProblemHttpResult>> AnswerAsync(HttpContext http, Outcome<ChangeResult> outcome)
    {
        if (!outcome.Ok)
            return Problems.From(outcome.Problem);
        var result = outcome.Value;
        var culture = Language.Current;
        var configs = http.RequestServices.GetRequiredService<OfficeConfigCache>();
        var zone = await configs.ZoneAsync(http.RequestServices.GetRequiredService<RantevouDbContext>(), AdminOffice.Id(http), http.RequestAborted);
        var list = result.Affected.Select(a => new AffectedBookingDto(
            a.Code, OfficeCalendar.ToLocal(a.StartUtc, zone), a.Service(culture), a.MaskedEmail, a.Here)).ToList();
        if (result.Applied)
            return TypedResults.Ok(new ChangeDone(list, result.WalkIns, result.Moved.Count));
        if (http.Features.Get<AuditFeature>() is { } audit)
            audit.Asked = true;
        var key = list.Count > 0 ? MessageKeys.AffectsBookings : MessageKeys.ClosesTodayWithWalkIns;
        var details = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = Messages.Text(key) };
        details.Extensions["code"] = key;
        details.Extensions["affected"] = list;
        details.Extensions["moved"] = result.Moved.Count;
        details.Extensions["walkIns"] = result.WalkIns;
        return TypedResults.Problem(details);
    }
}
