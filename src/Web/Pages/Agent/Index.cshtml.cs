using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Web.Infrastructure;
using Rantevou.Web.Localization;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Web.Pages.Agent;

/// <summary>
/// R7: the agent's portal — its bookings by day or by search, with links to change or cancel each, and a form to book
/// for itself or for a citizen (who then confirms from their own email).
/// </summary>
[Authorize(Policy = Policies.Agent)]
public sealed class IndexModel(
    RantevouDbContext db, UserManager<AppUser> users, BookingService bookings, BookingTokens tokens, TimeProvider clock,
    IStringLocalizer<Messages> messages, IStringLocalizer<PageText> text) : PageModel
{
    public AppUser Agent { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public string? Search { get; private set; }
    public IReadOnlyList<BookingEntity> Bookings { get; private set; } = [];
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Booked { get; private set; }

    [BindProperty] public int? ServiceId { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Time { get; set; }
    [BindProperty] public bool ForCitizen { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Mobile { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string? date, string? q, string? booked, int? service, CancellationToken ct)
    {
        Booked = booked;
        // The next pupil is usually booked for the same service: the form keeps it.
        ServiceId ??= service;
        return await ShowAsync(date, q, ct);
    }

    [Audited("agent.booking.create")]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (AgentContext.Of(await users.GetUserAsync(User), ForCitizen, Note) is not { } agent)
            return Forbid();
        // Booking for the account keeps none of the citizen's details: typed in, they must not vanish unsaid.
        if (!ForCitizen && new[] { FullName, Email, Mobile }.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            Errors[""] = text["AgentCitizenFieldsUnused"];
            ViewData["HasErrors"] = true;
            return await ShowAsync(Date, null, ct);
        }
        var request = new NewBooking(ServiceId, $"{Date}T{Time}", ForCitizen ? FullName : null, ForCitizen ? Email : null,
            ForCitizen ? Mobile : null, Language.Current, agent);
        var outcome = await bookings.CreateAsync(request, ct);
        if (outcome.Ok)
        {
            HttpContext.AuditTarget(outcome.Value.Code);
            return RedirectToPage("/Agent/Index", new { date = Date, booked = outcome.Value.Code, service = ServiceId });
        }
        FormErrors.Fill(HttpContext, Errors, outcome.Problem, messages, "");
        ViewData["HasErrors"] = true;
        return await ShowAsync(Date, null, ct);
    }

    public string ManageLink(BookingEntity b) => $"/b/{b.Code}?token={Uri.EscapeDataString(tokens.Manage(b.Id))}";

    /// <summary>A day's list says the time; a search spans days, so each of its rows says its day too.</summary>
    public string LocalTime(BookingEntity b)
    {
        var local = OfficeCalendar.ToLocal(b.StartUtc, Zone);
        return Searching ? $"{Lang.ShortDate(DateOnly.FromDateTime(local.DateTime))}, {Lang.Time(local)}" : Lang.Time(local);
    }

    public bool Searching => Search is { Length: > 0 };

    TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

    async Task<IActionResult> ShowAsync(string? date, string? q, CancellationToken ct)
    {
        Agent = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in agent not found");
        var office = await OfficeDirectory.OfAccountAsync(db, Agent.OfficeId, ct);
        Zone = office.TimeZone;
        Day = Lang.ParseDate(date) ?? OfficeCalendar.LocalDate(clock.GetUtcNow().UtcDateTime, Zone);
        Date ??= Lang.UrlDate(Day);
        Search = q;
        Bookings = await AgentBookingsQuery.ListAsync(db, Agent.Id, Day, q, Zone, ct);
        Services = await db.Services.AsNoTracking().Where(s => s.OfficeId == office.Id && s.Active).OrderBy(s => s.SortOrder).ToListAsync(ct);
        return Page();
    }
}
