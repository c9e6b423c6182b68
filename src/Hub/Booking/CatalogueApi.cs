using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Slots;
using Rantevou.Core.Time;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Booking;

/// <summary>R1, R10: the services with their times and documents, and their free times.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/services").WithTags("Services");
        api.MapGet("/", ListAsync).WithName("ListServices");
        api.MapGet("/{id:int}/availability", AvailabilityAsync).WithName("ServiceAvailability");
        return app;
    }

    /// <summary>
    /// From this node's copy of the office's configuration (ADR 0016), checked against the office just read: a list is
    /// one read however often citizens open the page or the kiosk shows its services.
    /// </summary>
    static async Task<Results<Ok<List<ServiceDto>>, ProblemHttpResult>> ListAsync(
        string? office, RantevouDbContext db, OfficeConfigCache configs, CancellationToken ct)
    {
        var found = await OfficeDirectory.ResolveAsync(db, office, ct);
        if (found is null)
            return Problems.From(Problem.NotFound(MessageKeys.NotFoundGeneric));
        var config = await configs.AtLeastAsync(db, found, ct);
        var culture = Language.Current;
        return TypedResults.Ok(config.Offered
            .Select(s => new ServiceDto(s.Id, s.Name(culture), s.Group!.Name(culture), s.DurationMinutes,
                s.Documents.OrderBy(d => d.SortOrder).Select(d => d.Text(culture)).ToList()))
            .ToList());
    }

    static async Task<Results<Ok<List<SlotDto>>, ProblemHttpResult>> AvailabilityAsync(
        int id, string? date, AvailabilityService availability, CancellationToken ct)
    {
        if (IsoDate.Parse(date) is not { } day)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["date"] = [MessageKeys.DateInvalid] }));
        var found = await availability.DayAsync(id, day, ct);
        if (!found.Ok)
            return Problems.From(found.Problem);
        var (slots, zone) = found.Value;
        var list = new List<SlotDto>(slots.Count);
        foreach (var s in slots)
            list.Add(new SlotDto(OfficeCalendar.ToLocal(s.StartUtc, zone), OfficeCalendar.ToLocal(s.EndUtc, zone)));
        return TypedResults.Ok(list);
    }
}
