using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Rantevou.Hub.Tests.Support;

/// <summary>The three ways a request picks its language, and what a localized ProblemDetails answer must look like.</summary>
public static class ProblemAssert
{
    public static readonly string[] Languages = ["el", "en-query", "en-header"];

    /// <summary>Adds the language choice to a request URL (for "en-query").</summary>
    public static string Url(string language, string url) =>
        language == "en-query" ? url + (url.Contains('?') ? "&" : "?") + "culture=en" : url;

    public static HttpRequestMessage Request(string language, HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, Url(language, url)) { Content = content };
        if (language == "en-header")
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return request;
    }

    /// <summary>application/problem+json with status, a title in the request's language, a stable code and, optionally, an error for one field.</summary>
    public static async Task IsAsync(HttpResponseMessage response, HttpStatusCode status, string code, string language, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.Equal(code, root.GetProperty("code").GetString());
        var texts = new List<string> { root.GetProperty("title").GetString()! };
        Assert.NotEqual(code, texts[0]);
        if (field is not null)
        {
            var errors = root.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {body}");
            texts.AddRange(messages.EnumerateArray().Select(m => m.GetString()!));
        }
        Assert.All(texts, t => InLanguage(t, language == "el" ? "el" : "en"));
        Assert.DoesNotContain("exception", body, StringComparison.OrdinalIgnoreCase);
    }

    static void InLanguage(string text, string language)
    {
        Assert.False(string.IsNullOrWhiteSpace(text));
        var greek = text.Any(c => c is >= '\u0370' and <= '\u03FF');
        Assert.True(language == "el" ? greek : !greek, $"\"{text}\" is not in {language}");
    }
}
