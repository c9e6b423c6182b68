using CsCheck;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Slots;
using Rantevou.Core.Tests.Offices;

namespace Rantevou.Core.Tests.Booking;

public class BookingRulesTests
{
    /// <summary>Tuesday 1 December 2026, 08:00 in Athens (UTC+2).</summary>
    static readonly DateTime Now = Athens.Utc(2026, 12, 1, 6);

    static Office DemoOffice() => new()
    {
        Slug = "demo",
        NameEl = "Γραφείο",
        NameEn = "Office",
        BookingCutoffMinutes = 60,
        BookingHorizonDays = 60,
        Hours = Athens.Weekdays(),
    };

    static readonly Service Renewal = new() { NameEl = "Ανανέωση", NameEn = "Renewal", DurationMinutes = 15 };

    static DateTime Local(string localDateTime) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(localDateTime, System.Globalization.CultureInfo.InvariantCulture), Athens.Zone);

    [Theory]
    [InlineData("2026-12-01 06:00", MessageKeys.StartInPast)]
    [InlineData("2026-12-01 08:00", MessageKeys.StartInPast)] // now itself
    [InlineData("2026-12-01 08:05", MessageKeys.StartTooSoon)]
    [InlineData("2026-12-01 08:55", MessageKeys.StartTooSoon)] // within the 60-minute cut-off
    [InlineData("2026-12-01 09:00", null)] // exactly at the cut-off
    [InlineData("2026-12-01 13:45", null)] // ends at closing
    [InlineData("2026-12-01 13:50", MessageKeys.OutsideHours)] // would end after closing
    [InlineData("2026-12-02 07:55", MessageKeys.OutsideHours)] // before opening
    [InlineData("2026-12-02 14:00", MessageKeys.OutsideHours)]
    [InlineData("2026-12-02 09:02", MessageKeys.NotOnGrid)]
    [InlineData("2026-12-02 09:00:30", MessageKeys.NotOnGrid)]
    [InlineData("2026-12-05 09:00", MessageKeys.OfficeClosed)] // Saturday
    [InlineData("2026-12-25 09:00", MessageKeys.OfficeClosed)] // Christmas, a Friday
    [InlineData("2026-12-24 12:45", null)] // half day: closes 13:00
    [InlineData("2026-12-24 12:50", MessageKeys.OutsideHours)]
    [InlineData("2027-01-29 09:00", null)] // Friday, 59 days ahead
    [InlineData("2027-01-30 09:00", MessageKeys.OfficeClosed)] // Saturday, the last bookable date
    [InlineData("2027-02-01 09:00", MessageKeys.BeyondHorizon)] // Monday, 62 days ahead
    public void CheckStart_GivesTheMessageKeyOfTheFirstRuleBroken(string localStart, string? expectedKey)
    {
        var problem = BookingRules.CheckStart(DemoOffice(), Renewal, Local(localStart), Now);

        Assert.Equal(expectedKey, problem?.MessageKey);
        if (problem is not null)
            Assert.Equal(ProblemKind.Unprocessable, problem.Kind);
    }

    [Fact]
    public void CheckStart_LastBookableDate_IsTodayPlusTheHorizon_InLocalTime()
    {
        var office = DemoOffice();
        office.Hours = Athens.EveryDay(8, 14);
        // 23:30 on 30 Nov in UTC is already 1 Dec in Athens, so the horizon counts from 1 Dec.
        var lateEvening = Athens.Utc(2026, 11, 30, 23, 30);
        Assert.Equal(new DateOnly(2027, 1, 30), BookingRules.LastBookableDate(office, lateEvening));
        Assert.Null(BookingRules.CheckStart(office, Renewal, Local("2027-01-30 09:00"), lateEvening));
        Assert.Equal(MessageKeys.BeyondHorizon, BookingRules.CheckStart(office, Renewal, Local("2027-01-31 09:00"), lateEvening)?.MessageKey);
    }

    [Fact]
    public void CheckStart_AcceptsExactlyTheSlotsTheFinderOffers_OnAnyDayWithinTheHorizon() =>
        Gen.Select(Gen.Int[0, 61], Gen.Int[0, 24 * 12 - 1], Gen.Int[1, 12]).Sample((days, unit, durationUnits) =>
        {
            var office = DemoOffice();
            var service = new Service { NameEl = "x", NameEn = "x", DurationMinutes = durationUnits * 5 };
            var date = BookingRules.Today(office, Now).AddDays(days);
            var start = OfficeCalendar.ToUtc(date, TimeOnly.MinValue, Athens.Zone).AddMinutes(unit * 5);
            var open = OfficeCalendar.OpenOn(date, office.TimeZone, office.Hours, office.SpecialDays);
            var offered = open is not null && date <= BookingRules.LastBookableDate(office, Now) &&
                SlotFinder.Free(open.OpenUtc, open.CloseUtc, service.DurationMinutes, [1], [], Now.AddMinutes(office.BookingCutoffMinutes))
                    .Any(s => s.StartUtc == start);

            var problem = BookingRules.CheckStart(office, service, start, Now);

            Assert.Equal(offered, problem is null);
        }, iter: 3000);
}
