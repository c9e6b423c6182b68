using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Web.Booking;
using Rantevou.Web.Infrastructure;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Book;

/// <summary>Step 3: who the booking is for (R7, R9: the person's own email and mobile, checked by BookingService).</summary>
public sealed class DetailsModel(BookableDays days, BookingService bookings, BookingTokens tokens, IStringLocalizer<Messages> messages,
    IStringLocalizer<PageText> text) : PageModel
{
    static readonly string[] Fields = ["fullName", "email", "mobile"];

    /// <summary>R12: refusals about the person, not the time: another time would not help, and their details stay.</summary>
    static readonly string[] PersonLimits = [MessageKeys.PersonServiceLimit, MessageKeys.PersonDayLimit, MessageKeys.NoShowBlocked];

    [BindProperty(SupportsGet = true)]
    public string? Start { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    public Service Service { get; private set; } = null!;
    public DateTimeOffset When { get; private set; }

    /// <summary>Why the chosen time can no longer be booked, with <see cref="Slots"/> to choose another from.</summary>
    public string? TimeError { get; private set; }

    public IReadOnlyList<DateTimeOffset> Slots { get; private set; } = [];

    Office? office;
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(int serviceId, string? date, CancellationToken ct) =>
        await LoadAsync(serviceId, date, ct) ?? Page();

    /// <param name="date">Sent by the times shown on this page (a time taken meanwhile): sent without one chosen, they are
    /// shown again, the details kept.</param>
    public async Task<IActionResult> OnPostAsync(int serviceId, string? date, CancellationToken ct)
    {
        if (await LoadAsync(serviceId, null, ct) is { } elsewhere)
            return office is not null && string.IsNullOrEmpty(Start) && Lang.ParseDate(date) is { } chosenDay
                ? await ChooseAgainAsync(serviceId, chosenDay, text["ChooseTimeError"].Value, null, ct)
                : elsewhere;
        var outcome = await bookings.CreateAsync(new NewBooking(serviceId, Start, FullName, Email, Mobile, Language.Current), ct);
        if (outcome.Ok)
            return RedirectToPage("/Book/Sent", new { code = outcome.Value.Code, token = tokens.Manage(outcome.Value.Id) });
        var problem = outcome.Problem;
        if (problem.Kind == ProblemKind.NotFound)
            return NotFound();
        var fieldErrors = problem.FieldErrors ?? new Dictionary<string, string[]>();
        // The limits find the person by email or mobile; the message says so, beside the one that found them.
        var detail = problem.DetailKey is { } d ? " " + messages[d, problem.Args] : "";
        if (PersonLimits.Contains(problem.MessageKey))
            fieldErrors = new Dictionary<string, string[]> { [fieldErrors.Keys.FirstOrDefault() ?? "email"] = [problem.MessageKey] };
        foreach (var field in Fields)
            if (fieldErrors.TryGetValue(field, out var keys))
                Errors[field] = messages[keys[0]] + detail;
        if (!PersonLimits.Contains(problem.MessageKey) && (problem.Kind != ProblemKind.Invalid || fieldErrors.Keys.Any(k => !Fields.Contains(k))))
        {
            // R1: the time was taken meanwhile (409) or is no longer bookable.
            var key = problem.Kind == ProblemKind.Invalid ? MessageKeys.StartInvalid : problem.MessageKey;
            return await ChooseAgainAsync(serviceId, DateOnly.FromDateTime(When.DateTime), messages[key].Value, key, ct);
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    /// <summary>
    /// Another time is chosen here, beside the details already typed (and their errors, if any), from that day's free
    /// times; with none left that day, on the list of days (<paramref name="key"/> says why there).
    /// </summary>
    async Task<IActionResult> ChooseAgainAsync(int serviceId, DateOnly day, string why, string? key, CancellationToken ct)
    {
        Slots = await days.SlotsAsync(office!, serviceId, day, ct);
        if (Slots.Count == 0)
            return RedirectToPage("/Book/Time", new { serviceId, date = Lang.UrlDate(day), problem = key });
        When = OfficeCalendar.ToLocal(OfficeCalendar.DayStartUtc(day, office!.TimeZone), office.TimeZone);
        TimeError = why;
        ViewData["HasErrors"] = true;
        return Page();
    }

    /// <summary>The service and chosen time, or where to send the person when either is missing.</summary>
    async Task<IActionResult?> LoadAsync(int serviceId, string? date, CancellationToken ct)
    {
        if (await days.ServiceAsync(serviceId, ct) is not { } found)
            return NotFound();
        Service = found.Service;
        office = found.Office;
        if (BookingService.ParseStart(Start, found.Office.TimeZone) is not { } startUtc)
            return Redirect(Lang.ParseDate(date) is { } day ? $"/book/{serviceId}/{Lang.UrlDate(day)}?choose=true" : $"/book/{serviceId}");
        When = OfficeCalendar.ToLocal(startUtc, found.Office.TimeZone);
        return null;
    }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);
}
