using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>R11: only administrators change the office, and bad input is refused in the admin's language.</summary>
public sealed class AdminAccessTests : AdminTest
{
    [Theory]
    [InlineData("GET", "/api/admin/services")]
    [InlineData("PUT", "/api/admin/settings")]
    [InlineData("PUT", "/api/admin/special-days/2026-12-02")]
    public async Task AnonymousIs401_AndClerkIs403(string method, string url)
    {
        var anonymous = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var clerk = await Clerk.LoginAsync(App, "clerk1@example.org");
        var forbidden = await clerk.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    public static TheoryData<string, string, object, string> BadInput() => new()
    {
        { "PUT", "/api/admin/services/{service}", new ServiceEdit(0, "x", "x", 7, true, null), "durationMinutes" },
        { "PUT", "/api/admin/services/{service}", new ServiceEdit(0, " ", "x", 30, true, null), "nameEl" },
        { "PUT", "/api/admin/services/{service}", new ServiceEdit(0, "x", "x", 250, true, [new DocumentText("a", "")]), "documents[0]" },
        { "PUT", "/api/admin/services/{service}", new ServiceEdit(0, "x", "x", 30, true, [null!]), "documents[0]" },
        { "PUT", "/api/admin/special-days/2026-12-02", new SpecialDayEdit(false, "8:03", "12:00", "x", "x"), "open" },
        { "PUT", "/api/admin/special-days/2026-12-02", new SpecialDayEdit(false, "12:00", "10:00", "x", "x"), "close" },
        { "PUT", "/api/admin/hours", new[] { new HoursEdit(DayOfWeek.Monday, "08:00", "08:03") }, "Monday.close" },
        { "PUT", "/api/admin/hours", new HoursEdit?[] { null }, "hours[0]" },
        { "PUT", "/api/admin/settings", new OfficeSettings(0, 60, 30, 10, 60, 1, 3, 3, 90, 20), "bookingHorizonDays" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_Is400_InTheRequestsLanguage_AndChangesNothing(string method, string url, object body, string field)
    {
        var service = await ServiceAsync();
        var before = await AdminServiceAsync(service.Id);
        var groupFixed = body is ServiceEdit edit ? edit with { GroupId = before.GroupId } : body;
        url = url.Replace("{service}", service.Id.ToString());
        var token = Admin.DefaultRequestHeaders.Authorization!;
        foreach (var language in ProblemAssert.Languages)
        {
            var request = ProblemAssert.Request(language, new HttpMethod(method), url, JsonContent.Create(groupFixed, groupFixed.GetType()));
            request.Headers.Authorization = new AuthenticationHeaderValue(token.Scheme, token.Parameter);
            await ProblemAssert.IsAsync(await Client().SendAsync(request), HttpStatusCode.BadRequest, MessageKeys.Invalid, language, field);
        }
        var after = await AdminServiceAsync(service.Id);
        Assert.Equal((before.NameEl, before.NameEn, before.DurationMinutes, before.Active), (after.NameEl, after.NameEn, after.DurationMinutes, after.Active));
        Assert.Equal(before.Documents, after.Documents);
    }
}
