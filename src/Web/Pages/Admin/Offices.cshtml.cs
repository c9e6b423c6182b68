using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Admin;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// The directorate's administrator sees every office with the addresses its kiosk, display and booking pages use, and
/// adds an office: its desks, weekly hours and services from the catalogue. The new office opens on the overview,
/// where the other pages refine it (R11).
/// </summary>
[Authorize(Policy = Policies.Directorate)]
public sealed class OfficesModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, AdminOffices offices) : AdminPageModel(db, users, messages, text)
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public List<OfficeSummary> Offices { get; private set; } = [];
    public List<CatalogueEntry> Catalogue { get; } = AdminOffices.Catalogue(Language.Current);

    // The form as posted, or the usual office (weekdays 08:00–14:00, every service) for a new one.
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? NameEl { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public int Desks { get; set; } = 4;
    [BindProperty] public string? Open { get; set; } = "08:00";
    [BindProperty] public string? Close { get; set; } = "14:00";
    [BindProperty] public List<DayOfWeek> Days { get; set; } = [];
    [BindProperty] public List<string> Services { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Days = [.. Week.Take(5)];
        Services = Catalogue.Select(s => s.Key).ToList();
        await LoadAsync(ct);
        TakeNotice();
    }

    [Audited("admin.office.create")]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await offices.CreateAsync(new OfficeCreate(Slug, NameEl, NameEn, Desks, Open, Close, Days, Services), ct);
        if (Handle(outcome) && outcome.Ok)
            return RedirectToPage("/Admin/Index", new { office = outcome.Value.Slug, culture = Language.Query });
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        Offices = await offices.ListAsync(own: null, ct);
    }
}
