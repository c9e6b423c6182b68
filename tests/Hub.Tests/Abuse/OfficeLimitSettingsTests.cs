using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Rantevou.Contracts.Admin;
using Rantevou.Contracts.Agents;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Admin;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Abuse;

/// <summary>R11, R12: the anti-abuse limits are the office's settings; an administrator changes them and the next booking obeys.</summary>
public sealed class OfficeLimitSettingsTests : AdminTest
{
    static readonly DateOnly Day = new(2026, 12, 3);

    [Fact]
    public async Task NewOffice_StartsWithTheConfiguredLimits()
    {
        // The test kit configures 1,000,000 per person, no no-show pause, and leaves the agents' quota at its default.
        var s = await SettingsAsync();
        Assert.Equal((1_000_000, 1_000_000, 0, 90, 20), (s.ActivePerService, s.PerDay, s.NoShowLimit, s.NoShowWindowDays, s.AgentDailyQuota));
    }

    [Fact]
    public async Task PerDayLimitLoweredByTheAdmin_RefusesTheNextBookingOverIt_AndRaisingItAllowsItAgain()
    {
        var services = await Http.ServicesAsync();
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(services[0], 0)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PutSettingsAsync(await SettingsAsync() with { PerDay = 1 })).StatusCode);
        var refused = await BookAsync(services[1], 12);
        await ProblemAssert.IsAsync(refused, HttpStatusCode.Conflict, MessageKeys.PersonDayLimit, "en-header");
        Assert.Equal(1, (await SettingsAsync()).PerDay);

        Assert.Equal(HttpStatusCode.OK, (await PutSettingsAsync(await SettingsAsync() with { PerDay = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(services[1], 12)).StatusCode);
    }

    [Fact]
    public async Task ActivePerServiceLoweredByTheAdmin_RefusesASecondBookingOfTheService()
    {
        var service = (await Http.ServicesAsync())[0];
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(service, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(service, 12)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutSettingsAsync(await SettingsAsync() with { ActivePerService = 2 })).StatusCode);
        await ProblemAssert.IsAsync(await BookAsync(service, 24), HttpStatusCode.Conflict, MessageKeys.PersonServiceLimit, "en-header");
    }

    [Fact]
    public async Task AgentsOwnQuota_OverridesTheOfficeQuota_AndClearingItFallsBackToTheOffice()
    {
        Assert.Equal(HttpStatusCode.OK, (await PutSettingsAsync(await SettingsAsync() with { AgentDailyQuota = 1 })).StatusCode);
        var school = await Clerk.LoginAsync(App, "school@example.org");
        var agent = await Clerk.LoginAsync(App, "agent@example.org");
        Assert.Equal(HttpStatusCode.Created, (await AgentBookAsync(school, 0)).StatusCode);
        await ProblemAssert.IsAsync(await AgentBookAsync(school, 1), HttpStatusCode.Conflict, MessageKeys.AgentQuota, "en-header");

        var schoolId = (await AgentsAsync()).Single(a => a.Email == "school@example.org").Id;
        var set = await Admin.PutAsJsonAsync($"/api/admin/agents/{schoolId}/quota", new AgentQuotaEdit(3));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(3, (await AgentsAsync()).Single(a => a.Id == schoolId).DailyQuota);
        Assert.Equal(HttpStatusCode.Created, (await AgentBookAsync(school, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AgentBookAsync(school, 2)).StatusCode);
        await ProblemAssert.IsAsync(await AgentBookAsync(school, 3), HttpStatusCode.Conflict, MessageKeys.AgentQuota, "en-header");

        // The other agent still has the office's quota of 1.
        Assert.Equal(HttpStatusCode.Created, (await AgentBookAsync(agent, 4)).StatusCode);
        await ProblemAssert.IsAsync(await AgentBookAsync(agent, 5), HttpStatusCode.Conflict, MessageKeys.AgentQuota, "en-header");

        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/admin/agents/{schoolId}/quota", new AgentQuotaEdit(null))).StatusCode);
        Assert.Null((await AgentsAsync()).Single(a => a.Id == schoolId).DailyQuota);
        Assert.Equal(HttpStatusCode.OK, (await PutSettingsAsync(await SettingsAsync() with { AgentDailyQuota = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AgentBookAsync(school, 6)).StatusCode);
        await ProblemAssert.IsAsync(await AgentBookAsync(school, 7), HttpStatusCode.Conflict, MessageKeys.AgentQuota, "en-header");
    }

    public static TheoryData<string, int> BadLimits() => new()
    {
        { "activePerService", 0 },
        { "perDay", 1_000_001 },
        { "noShowLimit", -1 },
        { "noShowWindowDays", 0 },
        { "agentDailyQuota", 0 },
    };

    [Theory]
    [MemberData(nameof(BadLimits))]
    public async Task OutOfRangeLimit_Is400_WithTheFieldsMessage_InBothLanguages_AndChangesNothing(string field, int value)
    {
        var before = await SettingsAsync();
        var bad = field switch
        {
            "activePerService" => before with { ActivePerService = value },
            "perDay" => before with { PerDay = value },
            "noShowLimit" => before with { NoShowLimit = value },
            "noShowWindowDays" => before with { NoShowWindowDays = value },
            _ => before with { AgentDailyQuota = value },
        };
        foreach (var language in ProblemAssert.Languages)
        {
            var response = await SendAsAdminAsync(language, HttpMethod.Put, "/api/admin/settings", JsonContent.Create(bad));
            await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, MessageKeys.Invalid, language, field);
        }
        Assert.Equal(before, await SettingsAsync());
    }

    [Fact]
    public async Task OutOfRangeAgentQuota_Is400_AndAnUnknownAgentIs404()
    {
        var schoolId = (await AgentsAsync()).Single(a => a.Email == "school@example.org").Id;
        foreach (var language in ProblemAssert.Languages)
        {
            var bad = await SendAsAdminAsync(language, HttpMethod.Put, $"/api/admin/agents/{schoolId}/quota", JsonContent.Create(new AgentQuotaEdit(0)));
            await ProblemAssert.IsAsync(bad, HttpStatusCode.BadRequest, MessageKeys.Invalid, language, "dailyQuota");
        }
        Assert.Null((await AgentsAsync()).Single(a => a.Id == schoolId).DailyQuota);
        var clerkId = await Db(db => Task.FromResult(db.Users.Single(u => u.Email == "clerk1@example.org").Id));
        var notAnAgent = await SendAsAdminAsync("en-header", HttpMethod.Put, $"/api/admin/agents/{clerkId}/quota", JsonContent.Create(new AgentQuotaEdit(5)));
        await ProblemAssert.IsAsync(notAnAgent, HttpStatusCode.NotFound, MessageKeys.AgentUnknown, "en-header");
    }

    async Task<OfficeSettings> SettingsAsync() => (await Admin.GetFromJsonAsync<OfficeSettings>("/api/admin/settings"))!;

    Task<HttpResponseMessage> PutSettingsAsync(OfficeSettings s) => Admin.PutAsJsonAsync("/api/admin/settings", s);

    async Task<List<AgentAccountDto>> AgentsAsync() => (await Admin.GetFromJsonAsync<List<AgentAccountDto>>("/api/admin/agents"))!;

    async Task<HttpResponseMessage> SendAsAdminAsync(string language, HttpMethod method, string url, HttpContent content)
    {
        var request = ProblemAssert.Request(language, method, url, content);
        var token = Admin.DefaultRequestHeaders.Authorization!;
        request.Headers.Authorization = new AuthenticationHeaderValue(token.Scheme, token.Parameter);
        return await Client().SendAsync(request);
    }

    /// <summary>The same person each time; slots an hour apart so only a limit can refuse.</summary>
    async Task<HttpResponseMessage> BookAsync(ServiceDto service, int slot)
    {
        var start = (await Http.AvailabilityAsync(service.Id, Day))[slot].Start;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings")
        {
            Content = JsonContent.Create(new CreateBookingRequest(service.Id, start.ToString("O"), "Ελένη Γεωργίου", "eleni@example.org", "6941112223")),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return await Client().SendAsync(request);
    }

    /// <summary>An agent booking for itself; each on a different service and time, so only the quota can refuse.</summary>
    async Task<HttpResponseMessage> AgentBookAsync(Clerk agent, int n)
    {
        var services = await Http.ServicesAsync();
        var service = services[n % services.Count];
        var start = (await Http.AvailabilityAsync(service.Id, Day))[n * 6].Start;
        return await agent.Http.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(service.Id, start.ToString("O"), null));
    }
}
