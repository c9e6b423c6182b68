using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Faults;

/// <summary>The 500s <see cref="MalformedRequestTests"/> found, each pinned as the localized 4xx it is now.</summary>
public sealed class MalformedRegressionTests(SharedApp shared) : IClassFixture<SharedApp>
{
    public static TheoryData<string, string, string> CharsetCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var language in ProblemAssert.Languages)
            foreach (var charset in new[] { "utf-7", "nonsense", "utf8", "utf-16" })
                foreach (var path in new[] { "/api/bookings", "/api/auth/login", "/api/kiosk/checkin" })
                    data.Add(language, charset, path);
        return data;
    }

    [Theory]
    [MemberData(nameof(CharsetCases))]
    public async Task JsonBodyDeclaredInAnotherCharsetThanUtf8_Is415InTheUsersLanguage_Not500(string language, string charset, string path)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"qr\":\"x\",\"email\":\"a@b.gr\"}"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        var response = await shared.Http.SendAsync(ProblemAssert.Request(language, HttpMethod.Post, path, content));

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType, MessageKeys.UnsupportedMediaType, language);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF-8")]
    public async Task JsonBodyDeclaredUtf8_StillReachesTheEndpoint(string charset)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"qr\":\"nothing-like-a-code\"}"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        using var kiosk = await shared.App.KioskClientAsync();
        var response = await kiosk.PostAsync("/api/kiosk/checkin", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string> IdempotencyCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in ProblemAssert.Languages)
            foreach (var body in new[] { "", "{\"serviceId\":", "null" })
                data.Add(language, body);
        return data;
    }

    [Theory]
    [MemberData(nameof(IdempotencyCases))]
    public async Task IdempotencyKeyWithAMissingOrUnreadableBody_Is400InTheUsersLanguage_Not500(string language, string body)
    {
        var request = ProblemAssert.Request(language, HttpMethod.Post, "/api/bookings", new StringContent(body, Encoding.UTF8, "application/json"));
        request.Headers.Add("Idempotency-Key", $"retry-{Guid.NewGuid():N}");

        var response = await shared.Http.SendAsync(request);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, MessageKeys.MalformedRequest, language);
    }

    [Theory]
    [InlineData("GET", "/b/ABCD2345/coming?token=not-a-token", HttpStatusCode.NotFound)]
    [InlineData("GET", "/b/ABCD2345/release?token=not-a-token", HttpStatusCode.NotFound)]
    [InlineData("GET", "/b/ABCD2345/coming?token=not-a-token&a%5B=1", HttpStatusCode.NotFound)]
    [InlineData("POST", "/b/ABCD2345/coming?token=not-a-token", HttpStatusCode.BadRequest)]
    public async Task APageRequestWithAnUnclosedBracketInAFormKey_GetsThePagesOwnAnswer_Not500(string method, string url, HttpStatusCode expected)
    {
        // jQuery's "a[b]" form keys: MVC's reader of them threw on "a[" with no closing bracket.
        var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent("a[=1&{\"x\":[[[=2", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var response = await shared.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
