using CsCheck;
using Rantevou.Core.Offices;
using Rantevou.Core.Slots;

namespace Rantevou.Core.Tests.Offices;

public class OfficeCalendarTests
{
    // 29 March and 25 October 2026 are the Sundays Athens changes clocks (03:00 -> 04:00, 04:00 -> 03:00);
    // the office here opens every day so the change days themselves can be asked about.
    [Theory]
    [InlineData("2026-03-29", 5, 11)] // first day of EEST, UTC+3
    [InlineData("2026-10-25", 6, 12)] // first day of EET again, UTC+2
    [InlineData("2026-03-28", 6, 12)] // the day before the spring change, still UTC+2
    [InlineData("2026-10-24", 5, 11)] // the day before the autumn change, still UTC+3
    [InlineData("2026-06-10", 5, 11)] // an ordinary summer Wednesday
    [InlineData("2026-01-14", 6, 12)] // an ordinary winter Wednesday
    public void OpenOn_IsEightToTwoLocal_SixHours_OnDstChangeDaysAndNormalDays(string date, int openUtcHour, int closeUtcHour)
    {
        var day = DateOnly.Parse(date);

        var open = OfficeCalendar.OpenOn(day, Athens.Zone, Athens.EveryDay(8, 14), []);

        Assert.NotNull(open);
        Assert.Equal(DateTimeKind.Utc, open.OpenUtc.Kind);
        Assert.Equal(Athens.Utc(day.Year, day.Month, day.Day, openUtcHour), open.OpenUtc);
        Assert.Equal(Athens.Utc(day.Year, day.Month, day.Day, closeUtcHour), open.CloseUtc);
        Assert.Equal(day.ToDateTime(new TimeOnly(8, 0)), Athens.LocalWallTime(open.OpenUtc));
        Assert.Equal(day.ToDateTime(new TimeOnly(14, 0)), Athens.LocalWallTime(open.CloseUtc));
        Assert.Equal(TimeSpan.FromHours(6), open.CloseUtc - open.OpenUtc);
    }

    /// <summary>R11: a week of hours set ahead applies from its date; the days before keep the week they had.</summary>
    [Theory]
    [InlineData("2026-06-30", 8, 14)] // the day before: the first week
    [InlineData("2026-07-01", 7, 13)] // the summer week's first day
    [InlineData("2026-09-15", 7, 13)]
    [InlineData("2026-10-01", 9, 14)] // a later week wins over the summer one
    public void OpenOn_UsesTheLatestWeekBegunByThatDate(string date, int open, int close)
    {
        var hours = Weeks((DateOnly.MinValue, 8, 14), (new DateOnly(2026, 7, 1), 7, 13), (new DateOnly(2026, 10, 1), 9, 14));

        var interval = OfficeCalendar.OpenOn(DateOnly.Parse(date), Athens.Zone, hours, [])!;

        Assert.Equal((open, close), (Athens.LocalWallTime(interval.OpenUtc).Hour, Athens.LocalWallTime(interval.CloseUtc).Hour));
    }

    [Fact]
    public void AWeekClosedOnEveryDay_StillBeginsOnItsDate()
    {
        var hours = Weeks((DateOnly.MinValue, 8, 14), (new DateOnly(2026, 8, 3), 0, 0));

        Assert.NotNull(OfficeCalendar.OpenOn(new DateOnly(2026, 7, 31), Athens.Zone, hours, []));
        Assert.Null(OfficeCalendar.OpenOn(new DateOnly(2026, 8, 4), Athens.Zone, hours, []));
    }

    static List<WorkingHours> Weeks(params (DateOnly From, int Open, int Close)[] weeks) =>
        [.. weeks.SelectMany(w => Athens.EveryDay(w.Open, w.Close).Select(h => { h.ValidFrom = w.From; return h; }))];

    [Theory]
    [InlineData("2026-03-29", 23)] // spring change: local midnight to midnight is 23 hours
    [InlineData("2026-10-25", 25)] // autumn change: 25 hours
    [InlineData("2026-06-10", 24)]
    [InlineData("2026-01-14", 24)]
    public void DayUtc_RunsFromLocalMidnightToTheNext_WhateverTheDaysLength(string date, int hours)
    {
        var day = DateOnly.Parse(date);

        var (from, to) = OfficeCalendar.DayUtc(day, Athens.Zone);

        Assert.Equal(day.ToDateTime(TimeOnly.MinValue), Athens.LocalWallTime(from));
        Assert.Equal(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Athens.LocalWallTime(to));
        Assert.Equal(TimeSpan.FromHours(hours), to - from);
        Assert.Equal(from, OfficeCalendar.DayStartUtc(day, Athens.Zone));
        Assert.Equal(day, OfficeCalendar.LocalDate(from, Athens.Zone));
        Assert.Equal(day, OfficeCalendar.LocalDate(to.AddTicks(-1), Athens.Zone));
    }

    [Theory]
    [InlineData("2026-03-29")]
    [InlineData("2026-10-25")]
    [InlineData("2026-06-10")]
    public void SlotsOfTheDay_AllLieWithinLocalEightToTwo(string date)
    {
        var day = DateOnly.Parse(date);
        var open = OfficeCalendar.OpenOn(day, Athens.Zone, Athens.EveryDay(8, 14), [])!;

        var slots = SlotFinder.Free(open.OpenUtc, open.CloseUtc, 15, [1, 2], [], DateTime.MinValue);

        Assert.Equal(70, slots.Count); // 6 h of 5-minute starts, less the last 10 minutes that cannot fit 15
        Assert.All(slots, s =>
        {
            Assert.Equal(day, DateOnly.FromDateTime(Athens.LocalWallTime(s.StartUtc)));
            Assert.InRange(TimeOnly.FromDateTime(Athens.LocalWallTime(s.StartUtc)), new TimeOnly(8, 0), new TimeOnly(13, 45));
            Assert.InRange(TimeOnly.FromDateTime(Athens.LocalWallTime(s.EndUtc)), new TimeOnly(8, 15), new TimeOnly(14, 0));
        });
        Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(Athens.LocalWallTime(slots[0].StartUtc)));
        Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(Athens.LocalWallTime(slots[^1].EndUtc)));
    }

    [Fact]
    public void OpenOn_ConvertsBackToTheSameLocalWallTimes_OnAnyDateOf2026And2027() =>
        Gen.Select(Gen.Int[0, 729], Gen.Int[6 * 12, 12 * 12], Gen.Int[12, 8 * 12]).Sample((dayOffset, openUnit, lengthUnits) =>
        {
            var date = new DateOnly(2026, 1, 1).AddDays(dayOffset);
            var openTime = TimeOnly.MinValue.AddMinutes(openUnit * 5);
            var closeTime = openTime.AddMinutes(lengthUnits * 5);

            var open = OfficeCalendar.OpenOn(date, Athens.Zone, Athens.EveryDay(openTime, closeTime), []);

            var expectedClose = GreekHolidays.IsHalfDay(date) && closeTime > GreekHolidays.HalfDayClose ? GreekHolidays.HalfDayClose : closeTime;
            if (GreekHolidays.On(date) is not null || expectedClose <= openTime)
            {
                Assert.Null(open);
                return;
            }
            Assert.NotNull(open);
            Assert.Equal(date.ToDateTime(openTime), Athens.LocalWallTime(open.OpenUtc));
            Assert.Equal(date.ToDateTime(expectedClose), Athens.LocalWallTime(open.CloseUtc));
            Assert.Equal(expectedClose - openTime, open.CloseUtc - open.OpenUtc);
        }, iter: 3000);

    [Fact]
    public void OpenOn_IsClosedOnWeekends_ForTheDemoWeek()
    {
        Assert.Null(OfficeCalendar.OpenOn(new DateOnly(2026, 3, 29), Athens.Zone, Athens.Weekdays(), []));
        Assert.Null(OfficeCalendar.OpenOn(new DateOnly(2026, 12, 5), Athens.Zone, Athens.Weekdays(), []));
        Assert.NotNull(OfficeCalendar.OpenOn(new DateOnly(2026, 3, 30), Athens.Zone, Athens.Weekdays(), []));
    }

    [Fact]
    public void OpenOn_SpecialDay_OverridesWeekAndHolidays()
    {
        var closedTuesday = new SpecialDay { Date = new(2026, 12, 1), Closed = true, NameEl = "Εξετάσεις", NameEn = "Driving tests" };
        var openHoliday = new SpecialDay { Date = new(2026, 12, 25), Open = new(9, 0), Close = new(12, 0), NameEl = "x", NameEn = "x" };

        Assert.Null(OfficeCalendar.OpenOn(closedTuesday.Date, Athens.Zone, Athens.Weekdays(), [closedTuesday]));
        var open = OfficeCalendar.OpenOn(openHoliday.Date, Athens.Zone, Athens.Weekdays(), [openHoliday]);
        Assert.Equal(Athens.Utc(2026, 12, 25, 7), open?.OpenUtc);
        Assert.Equal(Athens.Utc(2026, 12, 25, 10), open?.CloseUtc);
    }

    [Fact]
    public void ToUtc_ResolvesAWallTimeInTheSpringGap_Forward()
    {
        // 03:30 does not exist on 29 March 2026 in Athens; it is read as 04:30 EEST.
        Assert.Equal(Athens.Utc(2026, 3, 29, 1, 30), OfficeCalendar.ToUtc(new(2026, 3, 29), new(3, 30), Athens.Zone));
    }

    [Fact]
    public void LocalDate_FollowsAthens_NotUtc()
    {
        // 22:30 UTC on 31 Dec is already 00:30 on 1 Jan in Athens.
        Assert.Equal(new DateOnly(2027, 1, 1), OfficeCalendar.LocalDate(Athens.Utc(2026, 12, 31, 22, 30), Athens.Zone));
        Assert.Equal(new DateOnly(2026, 12, 31), OfficeCalendar.LocalDate(Athens.Utc(2026, 12, 31, 21, 59), Athens.Zone));
    }
}
