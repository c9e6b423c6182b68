using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Booking;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;
using Rantevou.Web.Localization;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>The booking's own page names every status in words, Greek first and English second, never as a resource key.</summary>
public sealed partial class StatusTextTests : AppTest
{
    [Fact]
    public async Task EveryBookingStatus_HasAGreekAndAnEnglishText_OnTheBookingsPage()
    {
        var service = await ServiceAsync();
        var booked = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        var page = $"/b/{booked.Code}?token={Uri.EscapeDataString(booked.ManageToken)}";
        var seen = new List<string>();

        // Walks the enum, so a status added later without its texts fails here.
        foreach (var status in Enum.GetValues<BookingStatus>())
        {
            await Db(db => db.Bookings.Where(b => b.Code == booked.Code).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, status)));
            var el = await StatusShownAsync(page, "el");
            var en = await StatusShownAsync(page, "en");

            Assert.True(Greek().IsMatch(el), $"{status}: «{el}» is not Greek");
            Assert.True(!Greek().IsMatch(en) && en.Length > 0, $"{status}: «{en}» is not English");
            Assert.DoesNotContain(".", el + en, StringComparison.Ordinal);
            seen.Add(el);
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("el")]
    [InlineData("en")]
    public void EveryBookingStatus_HasItsTextInThePartnerPortal(string culture)
    {
        var text = App.Services.GetRequiredService<IStringLocalizer<PageText>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.All(Enum.GetValues<BookingStatus>(), s => Assert.False(text["AgentStatus." + s].ResourceNotFound, $"AgentStatus.{s} ({culture})"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    async Task<string> StatusShownAsync(string page, string culture)
    {
        var response = await Http.GetAsync($"{page}&culture={culture}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.DoesNotContain("Status.", html, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(StatusSpan().Match(html).Groups[1].Value).Trim();
    }

    [GeneratedRegex("<span class=\"status status--[a-z]+\">([^<]*)</span>")]
    private static partial Regex StatusSpan();

    [GeneratedRegex("[\u0370-\u03ff]")]
    private static partial Regex Greek();
}
