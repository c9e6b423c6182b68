using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rantevou.Contracts.Queue;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>A member of staff signed in through <c>POST /api/auth/login</c>, holding the bearer token (English answers).</summary>
public sealed class Clerk(HttpClient http, string token)
{
    public const string Password = "Demo!2026";

    public HttpClient Http => http;
    public string Token => token;

    public static async Task<Clerk> LoginAsync(RantevouApp app, string email)
    {
        var http = LiveDayTest.English(app.CreateClient());
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Clerk(http, token);
    }

    public Task<HttpResponseMessage> PostAsync(int deskId, string action) => http.PostAsync($"/api/desks/{deskId}/{action}", null);

    /// <summary>Call next: the person, or null for 204 (nobody can be served now). Anything else fails the test.</summary>
    public async Task<CalledPerson?> CallNextAsync(int deskId)
    {
        var response = await PostAsync(deskId, "call-next");
        if (response.StatusCode == HttpStatusCode.NoContent)
            return null;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<CalledPerson>();
    }

    /// <summary>complete, no-show, interrupt, recall or defer on the desk's current person.</summary>
    public async Task<CalledPerson> ActAsync(int deskId, string action)
    {
        var response = await PostAsync(deskId, action);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CalledPerson>())!;
    }

    public async Task<DeskDay> DayAsync(int deskId) => (await http.GetFromJsonAsync<DeskDay>($"/api/desks/{deskId}/day"))!;

    /// <summary>
    /// R4: what the clerk screen advises, then what call next does. The advice's reason and label must match, and call
    /// next must call the advised person (or nobody when the advice names nobody).
    /// </summary>
    public async Task<CalledPerson?> ExpectNextAsync(int deskId, string reason, string? label)
    {
        var day = await DayAsync(deskId);
        Assert.Equal(reason, day.Advice.Reason);
        Assert.Equal(label, day.Advice.NextLabel);
        var called = await CallNextAsync(deskId);
        Assert.Equal(label, called?.Label);
        return called;
    }
}
