using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Admin;

/// <summary>R11: administrators edit services, their groups and the desks that serve them.</summary>
public sealed class AdminCatalogue(RantevouDbContext db, OfficeChanges changes, OfficeConfigCache configs, DeskActions actions, TimeProvider clock)
{
    public async Task<List<AdminService>> ServicesAsync(int officeId, CancellationToken ct) =>
        (await db.Services.AsNoTracking().Where(s => s.OfficeId == officeId).Include(s => s.Documents)
            .OrderBy(s => s.GroupId).ThenBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct))
        .Select(s => new AdminService(s.Id, s.GroupId, s.NameEl, s.NameEn, s.DurationMinutes, s.Active, s.SortOrder,
            s.Documents.OrderBy(d => d.SortOrder).Select(d => new DocumentText(d.TextEl, d.TextEn)).ToList()))
        .ToList();

    public Task<List<AdminGroup>> GroupsAsync(int officeId, CancellationToken ct) =>
        db.ServiceGroups.AsNoTracking().Where(g => g.OfficeId == officeId).OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new AdminGroup(g.Id, g.NameEl, g.NameEn, g.SortOrder)).ToListAsync(ct);

    public async Task<List<AdminDesk>> DesksAsync(int officeId, CancellationToken ct) =>
        (await db.Desks.AsNoTracking().Where(d => d.OfficeId == officeId).Include(d => d.Services).OrderBy(d => d.Number).ToListAsync(ct))
        .Select(d => new AdminDesk(d.Id, d.Number, d.NameEl, d.NameEn, d.Active, d.Services.Select(s => s.ServiceId).Order().ToList()))
        .ToList();

    /// <summary>
    /// A new service time applies to new bookings only: each booking keeps the duration it was made with (R11).
    /// Switching a service off cancels its bookings, but only once the admin has seen them and confirmed.
    /// </summary>
    public async Task<Outcome<ChangeResult>> EditServiceAsync(int officeId, int id, ServiceEdit edit, bool confirm, CancellationToken ct)
    {
        if (!await db.Services.AnyAsync(s => s.Id == id && s.OfficeId == officeId, ct))
            return Problem.NotFound(MessageKeys.ServiceUnknown);
        var checkedEdit = await CheckServiceAsync(officeId, edit, ct);
        if (!checkedEdit.Ok)
            return checkedEdit.Problem;
        return await changes.RunAsync(officeId, confirm, async c =>
        {
            var service = await db.Services.Include(s => s.Documents).FirstAsync(s => s.Id == id, c);
            Apply(service, edit, checkedEdit.Value);
            return null;
        }, ct);
    }

    /// <summary>A new service is listed once active, and bookable once a desk serves it (desks page).</summary>
    public async Task<Outcome<AdminService>> CreateServiceAsync(int officeId, ServiceEdit edit, CancellationToken ct)
    {
        var checkedEdit = await CheckServiceAsync(officeId, edit, ct);
        if (!checkedEdit.Ok)
            return checkedEdit.Problem;
        var last = await db.Services.Where(s => s.GroupId == edit.GroupId).MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
        var service = new Service { OfficeId = officeId, NameEl = "", NameEn = "", SortOrder = last + 1 };
        Apply(service, edit, checkedEdit.Value);
        db.Services.Add(service);
        await db.SaveChangesAsync(ct);
        await OfficeConfigCache.BumpAsync(db, officeId, ct);
        configs.Forget(officeId);
        return (await ServicesAsync(officeId, ct)).Single(s => s.Id == service.Id);
    }

    /// <summary>A service's names and documents as checked and trimmed, to store.</summary>
    sealed record ServiceTexts(Bilingual Names, List<Bilingual>? Documents);

    async Task<Outcome<ServiceTexts>> CheckServiceAsync(int officeId, ServiceEdit edit, CancellationToken ct)
    {
        var rules = new AdminRules();
        var names = rules.Names(edit.NameEl, edit.NameEn);
        rules.Duration("durationMinutes", edit.DurationMinutes);
        var documents = rules.Documents(edit.Documents);
        if (!await db.ServiceGroups.AnyAsync(g => g.Id == edit.GroupId && g.OfficeId == officeId, ct))
            rules.Fail("groupId", MessageKeys.GroupUnknown);
        return rules.Problem is { } invalid ? invalid : new ServiceTexts(names, documents);
    }

    static void Apply(Service service, ServiceEdit edit, ServiceTexts texts)
    {
        service.GroupId = edit.GroupId;
        (service.NameEl, service.NameEn) = texts.Names;
        service.DurationMinutes = edit.DurationMinutes;
        service.Active = edit.Active;
        if (texts.Documents is { } documents)
        {
            service.Documents.Clear();
            service.Documents.AddRange(documents.Select((d, i) => new ServiceDocument { TextEl = d.El, TextEn = d.En, SortOrder = i + 1 }));
        }
    }

    public async Task<Outcome<AdminGroup>> SaveGroupAsync(int officeId, int? id, GroupEdit edit, CancellationToken ct)
    {
        var rules = new AdminRules();
        var names = rules.Names(edit.NameEl, edit.NameEn);
        rules.Range("sortOrder", edit.SortOrder, 0, 1000);
        var group = id is null
            ? new ServiceGroup { OfficeId = officeId, NameEl = "", NameEn = "" }
            : await db.ServiceGroups.FirstOrDefaultAsync(g => g.Id == id && g.OfficeId == officeId, ct);
        if (group is null)
            return Problem.NotFound(MessageKeys.GroupUnknown);
        if (rules.Problem is { } invalid)
            return invalid;
        (group.NameEl, group.NameEn) = names;
        group.SortOrder = edit.SortOrder;
        if (id is null)
            db.ServiceGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return new AdminGroup(group.Id, group.NameEl, group.NameEn, group.SortOrder);
    }

    /// <summary>
    /// R11: an office that opens another desk adds it here, numbered after the last (numbers are never reused: the
    /// statistics and the display name desks by number). Adding takes nothing from anyone, so it asks nothing; it is
    /// bookable at once where it is active and serves a service. <paramref name="expectedNumber"/>: the number the
    /// admin's page offered (its names say it); another desk added since, or two admins adding at once, is 409.
    /// </summary>
    public async Task<Outcome<AdminDesk>> CreateDeskAsync(int officeId, DeskEdit edit, CancellationToken ct, int? expectedNumber = null)
    {
        var (rules, names, wanted) = await CheckDeskAsync(officeId, edit, ct);
        if (rules.Problem is { } invalid)
            return invalid;
        Desk? desk = null;
        // An office change like any other: the desk, the configuration's version and the screens' event in one commit.
        var outcome = await changes.RunAsync(officeId, confirm: true, async c =>
        {
            var numbers = await db.Desks.Where(d => d.OfficeId == officeId).Select(d => d.Number).ToListAsync(c);
            if (numbers.Count >= AdminOffices.MaxDesks)
                return Problem.Unprocessable(MessageKeys.DeskCountInvalid);
            var number = (numbers.Count == 0 ? 0 : numbers.Max()) + 1;
            if (expectedNumber is { } expected && expected != number)
                return Problem.Conflict(MessageKeys.DeskAddedMeanwhile);
            desk = new Desk { OfficeId = officeId, Number = number, NameEl = names.El, NameEn = names.En, Active = edit.Active };
            desk.Services.AddRange(wanted.Select(s => new DeskService { ServiceId = s }));
            db.Desks.Add(desk);
            try
            {
                await db.SaveChangesAsync(c);
                return null;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                return Problem.Conflict(MessageKeys.DeskAddedMeanwhile);
            }
        }, ct);
        if (!outcome.Ok)
            return outcome.Problem;
        return new AdminDesk(desk!.Id, desk.Number, desk.NameEl, desk.NameEn, desk.Active, [.. wanted.Order()]);
    }

    /// <summary>The names and services of a desk as an admin sent them, checked against the office.</summary>
    async Task<(AdminRules Rules, Bilingual Names, List<int> ServiceIds)> CheckDeskAsync(int officeId, DeskEdit edit, CancellationToken ct)
    {
        var rules = new AdminRules();
        var names = rules.Names(edit.NameEl, edit.NameEn, Desk.NameMaxLength, MessageKeys.DeskNameRequired);
        var wanted = (edit.ServiceIds ?? []).Distinct().ToList();
        var known = await db.Services.Where(s => s.OfficeId == officeId && wanted.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (known.Count != wanted.Count)
            rules.Fail("serviceIds", MessageKeys.ServiceUnknown);
        return (rules, names, wanted);
    }

    /// <summary>
    /// A desk switched off, or no longer serving a service, gives up its bookings only once the admin confirms (R11). A
    /// desk serving someone now is not switched off (409): its clerk could no longer finish with them, and the person would
    /// stay called all day.
    /// </summary>
    public async Task<Outcome<ChangeResult>> EditDeskAsync(int officeId, int id, DeskEdit edit, bool confirm, CancellationToken ct,
        bool askBeforeMoving = false)
    {
        var (rules, names, wanted) = await CheckDeskAsync(officeId, edit, ct);
        if (!await db.Desks.AnyAsync(d => d.Id == id && d.OfficeId == officeId, ct))
            return Problem.NotFound(MessageKeys.DeskUnknown);
        if (rules.Problem is { } invalid)
            return invalid;
        return await changes.RunAsync(officeId, confirm, async c =>
        {
            var desk = await db.Desks.Include(d => d.Services).FirstAsync(d => d.Id == id, c);
            if (desk.Active && !edit.Active)
            {
                // Switched off first, then asked who is called there: a call-next at the same moment waits for this row,
                // or this waits for its call and sees the person (CallNext.ClaimAsync writes the row while it is active).
                await db.Desks.Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, false), c);
                if (await ServingAsync(desk, c) is { } code)
                    return Problem.Conflict(MessageKeys.DeskServingNow) with { Args = [code] };
            }
            (desk.NameEl, desk.NameEn) = names;
            desk.Active = edit.Active;
            desk.Services.RemoveAll(s => !wanted.Contains(s.ServiceId));
            foreach (var serviceId in wanted.Where(w => desk.Services.All(s => s.ServiceId != w)))
                desk.Services.Add(new DeskService { DeskId = desk.Id, ServiceId = serviceId });
            return null;
        }, ct, askBeforeMoving);
    }

    public Task<Office> OfficeAsync(int officeId, CancellationToken ct) => OfficeLoader.LoadAsync(db, officeId, ct);

    /// <summary>The code or ticket of the person the desk has called today and not finished with; null when nobody.</summary>
    async Task<string?> ServingAsync(Desk desk, CancellationToken ct)
    {
        var office = await OfficeLoader.LoadAsync(db, desk.OfficeId, ct);
        var (booking, ticket) = await actions.CurrentAsync(desk, office, OfficeDays.Today(office, clock), ct);
        return booking is not null ? BookingCode.Display(booking.Code) : ticket?.Label;
    }
}
