using CsCheck;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Tests.Offices;

public class GreekHolidaysTests
{
    [Theory]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 12)]
    [InlineData(2027, 5, 2)]
    [InlineData(2024, 5, 5)]
    [InlineData(2028, 4, 16)]
    [InlineData(2030, 4, 28)]
    [InlineData(2021, 5, 2)]
    [InlineData(2023, 4, 16)]
    [InlineData(2029, 4, 8)]
    [InlineData(2000, 4, 30)]
    public void OrthodoxEaster_MatchesKnownDates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), GreekHolidays.OrthodoxEaster(year));

    [Fact]
    public void OrthodoxEaster_IsASundayBetween4AprilAnd8May_From1900To2099() =>
        Gen.Int[1900, 2099].Sample(year =>
        {
            var easter = GreekHolidays.OrthodoxEaster(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 4, 4), new DateOnly(year, 5, 8));
        }, iter: 400);

    [Fact]
    public void CatalogueYears_AreTheOnesTheTestsExpect() =>
        Assert.Equal([2025, 2026, 2027], CatalogueFile.ComputedYears.Order());

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void For_EqualsTheCataloguesComputedHolidays(int year)
    {
        var catalogue = CatalogueFile.Computed(year);
        Assert.Equal(CatalogueFile.Date(catalogue.GetProperty("orthodox_easter")), GreekHolidays.OrthodoxEaster(year));
        Assert.Equal(CatalogueFile.Holidays(year).Order(), GreekHolidays.For(year).Select(h => h.Date).Order());
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void OpenOn_IsClosedOnEveryCatalogueHoliday(int year) =>
        Assert.All(CatalogueFile.Holidays(year), date =>
            Assert.Null(OfficeCalendar.OpenOn(date, Athens.Zone, Athens.EveryDay(8, 14), [])));

    [Fact]
    public void For_FollowsTheCatalogueRules_InAnyYear()
    {
        var rules = CatalogueFile.HolidayRules;
        var fixedDays = rules.GetProperty("public_service_holidays_fixed").EnumerateArray()
            .Select(e => e.GetString()!.Split('-').Select(int.Parse).ToArray()).ToArray();
        var offsets = rules.GetProperty("public_service_holidays_movable_offsets_from_orthodox_easter").EnumerateObject()
            .Select(p => p.Value.GetInt32()).ToArray();

        Gen.Int[1900, 2099].Sample(year =>
        {
            var easter = GreekHolidays.OrthodoxEaster(year);
            var expected = fixedDays.Select(md => new DateOnly(year, md[0], md[1])).Concat(offsets.Select(easter.AddDays));
            Assert.Equal(expected.Order(), GreekHolidays.For(year).Select(h => h.Date).Order());
            Assert.All(expected, d => Assert.NotNull(GreekHolidays.On(d)));
        }, iter: 400);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void OpenOn_ClosesAt13_OnTheCataloguesHalfDays(int year)
    {
        var halfDays = CatalogueFile.Computed(year).GetProperty("half_days_close_13_00").EnumerateArray().Select(CatalogueFile.Date).ToArray();
        Assert.Equal([new DateOnly(year, 12, 24), new DateOnly(year, 12, 31)], halfDays);
        Assert.All(halfDays, date =>
        {
            var open = OfficeCalendar.OpenOn(date, Athens.Zone, Athens.EveryDay(8, 14), []);
            Assert.NotNull(open);
            Assert.Equal(date.ToDateTime(new TimeOnly(8, 0)), Athens.LocalWallTime(open.OpenUtc));
            Assert.Equal(date.ToDateTime(new TimeOnly(13, 0)), Athens.LocalWallTime(open.CloseUtc));
        });
    }

    [Fact]
    public void OpenOn_HalfDay_DoesNotExtendAnEarlierClose()
    {
        var open = OfficeCalendar.OpenOn(new DateOnly(2026, 12, 24), Athens.Zone, Athens.EveryDay(8, 12), []);
        Assert.Equal(new DateTime(2026, 12, 24, 12, 0, 0), Athens.LocalWallTime(open!.CloseUtc));
    }

    [Fact]
    public void OpenOn_DayBeforeAHalfDay_KeepsFullHours()
    {
        var open = OfficeCalendar.OpenOn(new DateOnly(2026, 12, 23), Athens.Zone, Athens.EveryDay(8, 14), []);
        Assert.Equal(new DateTime(2026, 12, 23, 14, 0, 0), Athens.LocalWallTime(open!.CloseUtc));
    }

    [Fact]
    public void On_NamesTheHoliday_InGreekAndEnglish()
    {
        var cleanMonday = GreekHolidays.On(new DateOnly(2026, 2, 23));
        Assert.Equal("Καθαρά Δευτέρα", cleanMonday?.NameEl);
        Assert.Equal("Clean Monday", cleanMonday?.NameEn);
        Assert.Null(GreekHolidays.On(new DateOnly(2026, 2, 24)));
    }
}
