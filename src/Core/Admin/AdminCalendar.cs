using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Admin;

/// <summary>R11: weekly working hours, special days and the booking settings of an office.</summary>
public sealed class AdminCalendar(
    RantevouDbContext db, OfficeChanges changes, LiveDay.ExpiryWake expiry, OfficeConfigCache configs, TimeProvider clock)
{
    public async Task<List<AdminHours>> HoursAsync(int officeId, CancellationToken ct) =>
        (await db.WorkingHours.AsNoTracking().Where(h => h.OfficeId == officeId).OrderBy(h => h.Day).ToListAsync(ct))
        .Select(h => new AdminHours(h.Day, AdminRules.Format(h.Open), AdminRules.Format(h.Close))).ToList();

    public async Task<List<AdminSpecialDay>> SpecialDaysAsync(int officeId, CancellationToken ct) =>
        (await db.SpecialDays.AsNoTracking().Where(s => s.OfficeId == officeId).OrderBy(s => s.Date).ToListAsync(ct))
        .Select(s => new AdminSpecialDay(s.Date, s.Closed, s.Open is { } o ? AdminRules.Format(o) : null,
            s.Close is { } c ? AdminRules.Format(c) : null, s.NameEl, s.NameEn))
        .ToList();

    /// <summary>The whole week at once; shorter hours cancel the bookings left outside them, once confirmed.</summary>
    public async Task<Outcome<ChangeResult>> SetHoursAsync(int officeId, List<HoursEdit>? week, bool confirm, CancellationToken ct)
    {
        var rules = new AdminRules();
        var parsed = new List<WorkingHours>();
        foreach (var (h, i) in (week ?? []).Select((h, i) => (h, i)))
        {
            if (h is null)
            {
                rules.Fail($"hours[{i}]", MessageKeys.DayInvalid);
                continue;
            }
            if (!Enum.IsDefined(h.Day) || parsed.Any(p => p.Day == h.Day))
            {
                rules.Fail($"{h.Day}.day", MessageKeys.DayInvalid);
                continue;
            }
            if (rules.Hours($"{h.Day}.", h.Open, h.Close) is { } t)
                parsed.Add(new WorkingHours { OfficeId = officeId, Day = h.Day, Open = t.Open, Close = t.Close });
        }
        if (rules.Problem is { } invalid)
            return invalid;
        return await changes.RunAsync(officeId, confirm, async c =>
        {
            await db.WorkingHours.Where(h => h.OfficeId == officeId).ExecuteDeleteAsync(c);
            db.WorkingHours.AddRange(parsed);
            return null;
        }, ct);
    }

    /// <summary>Closes a date or gives it other hours; the bookings it leaves outside are cancelled once confirmed.</summary>
    public async Task<Outcome<ChangeResult>> SetSpecialDayAsync(int officeId, DateOnly date, SpecialDayEdit edit, bool confirm, CancellationToken ct)
    {
        var rules = new AdminRules();
        var names = rules.Names(edit.NameEl, edit.NameEn);
        var hours = edit.Closed ? null : rules.Hours("", edit.Open, edit.Close);
        // A day gone by cannot be closed or given other hours: what happened on it is history (statistics count it).
        if (date < LiveDay.OfficeDays.Today(await OfficeLoader.LoadAsync(db, officeId, ct), clock))
            rules.Fail("date", MessageKeys.DateInPast);
        if (rules.Problem is { } invalid)
            return invalid;
        return await changes.RunAsync(officeId, confirm, async c =>
        {
            var day = await db.SpecialDays.FirstOrDefaultAsync(s => s.OfficeId == officeId && s.Date == date, c);
            if (day is null)
                db.SpecialDays.Add(day = new SpecialDay { OfficeId = officeId, Date = date, NameEl = "", NameEn = "" });
            day.Closed = edit.Closed;
            day.Open = hours?.Open;
            day.Close = hours?.Close;
            (day.NameEl, day.NameEn) = names;
            return null;
        }, ct);
    }

    /// <summary>Back to the weekly hours (which may be shorter than the special day's, so it goes through the same check).</summary>
    public async Task<Outcome<ChangeResult>> RemoveSpecialDayAsync(int officeId, DateOnly date, bool confirm, CancellationToken ct)
    {
        if (!await db.SpecialDays.AnyAsync(s => s.OfficeId == officeId && s.Date == date, ct))
            return Problem.NotFound(MessageKeys.NotFoundGeneric);
        return await changes.RunAsync(officeId, confirm, async c =>
        {
            await db.SpecialDays.Where(s => s.OfficeId == officeId && s.Date == date).ExecuteDeleteAsync(c);
            return null;
        }, ct);
    }

    public async Task<OfficeSettings> SettingsAsync(int officeId, CancellationToken ct)
    {
        var o = await db.Offices.AsNoTracking().FirstAsync(x => x.Id == officeId, ct);
        return new OfficeSettings(o.BookingHorizonDays, o.BookingCutoffMinutes, o.HoldMinutes, o.GraceMinutes, o.CheckInOpensMinutes,
            o.ActivePerService, o.PerDay, o.NoShowLimit, o.NoShowWindowDays, o.AgentDailyQuota,
            o.RemindersOn, AdminRules.Format(o.ReminderTime));
    }

    /// <summary>
    /// These settings judge new bookings and check-ins; bookings already made stay as they are (R11), so a shorter
    /// horizon or a longer cut-off never cancels anything. Likewise the R12 limits: a lower limit refuses the next booking
    /// over it, and leaves the bookings already made alone.
    /// </summary>
    public async Task<Outcome<OfficeSettings>> SetSettingsAsync(int officeId, OfficeSettings s, CancellationToken ct)
    {
        var rules = new AdminRules();
        rules.Range("bookingHorizonDays", s.BookingHorizonDays, 1, 365);
        rules.Range("bookingCutoffMinutes", s.BookingCutoffMinutes, 0, 7 * 24 * 60);
        rules.Range("holdMinutes", s.HoldMinutes, 5, 24 * 60);
        rules.Range("graceMinutes", s.GraceMinutes, 0, 120);
        rules.Range("checkInOpensMinutes", s.CheckInOpensMinutes, 0, 240);
        rules.Limit("activePerService", s.ActivePerService);
        rules.Limit("perDay", s.PerDay);
        rules.Range("noShowLimit", s.NoShowLimit, 0, AdminRules.MaxNoShowLimit, MessageKeys.NoShowLimitRange);
        rules.Range("noShowWindowDays", s.NoShowWindowDays, 1, AdminRules.MaxNoShowWindowDays, MessageKeys.NoShowWindowRange);
        rules.Limit("agentDailyQuota", s.AgentDailyQuota);
        var reminderTime = s.ReminderTime is null ? null : rules.Time("reminderTime", s.ReminderTime);
        if (rules.Problem is { } invalid)
            return invalid;
        await db.Offices.Where(o => o.Id == officeId).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.BookingHorizonDays, s.BookingHorizonDays)
            .SetProperty(o => o.BookingCutoffMinutes, s.BookingCutoffMinutes)
            .SetProperty(o => o.HoldMinutes, s.HoldMinutes)
            .SetProperty(o => o.GraceMinutes, s.GraceMinutes)
            .SetProperty(o => o.CheckInOpensMinutes, s.CheckInOpensMinutes)
            .SetProperty(o => o.ActivePerService, s.ActivePerService)
            .SetProperty(o => o.PerDay, s.PerDay)
            .SetProperty(o => o.NoShowLimit, s.NoShowLimit)
            .SetProperty(o => o.NoShowWindowDays, s.NoShowWindowDays)
            .SetProperty(o => o.AgentDailyQuota, s.AgentDailyQuota)
            .SetProperty(o => o.RemindersOn, o => s.RemindersOn ?? o.RemindersOn)
            .SetProperty(o => o.ReminderTime, o => reminderTime ?? o.ReminderTime)
            .SetProperty(o => o.ConfigVersion, o => o.ConfigVersion + 1), ct);
        configs.Forget(officeId);
        // R5: a shorter grace brings deadlines forward; the expiry scheduler looks again.
        expiry.Any();
        return await SettingsAsync(officeId, ct);
    }
}
