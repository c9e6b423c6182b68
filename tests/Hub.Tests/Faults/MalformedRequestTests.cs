using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Hub.Tests.Authorization;
using Xunit.Abstractions;

namespace Rantevou.Hub.Tests.Faults;

/// <summary>An endpoint to mangle: method, route pattern, and the type its body binds to (null: no JSON body).</summary>
public sealed record Target(string Method, string Pattern, Type? RequestType)
{
    public bool Page => !Pattern.StartsWith("/api/", StringComparison.Ordinal) && !Pattern.StartsWith("/hubs/", StringComparison.Ordinal)
        && !Pattern.StartsWith("/openapi/", StringComparison.Ordinal) && Pattern is not ("/health" or "/hangfire") && !Pattern.StartsWith("/t/{code}/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Bad input → 4xx, never 500 (the bar). Every endpoint of the app's real endpoint list (API, kiosk, desk, ticket,
/// agent, admin, auth, documents, Razor pages and their POST handlers, the hub's transport) is called many times with
/// malformed requests drawn by CsCheck from a fixed seed, as anonymous, a token holder, agents, a clerk and an admin:
/// every answer must be below 500 and must not show a stack trace, an exception's type or a server path.
/// </summary>
public sealed partial class MalformedRequestTests(MatrixOffice office, ITestOutputHelper output) : IClassFixture<MatrixOffice>
{
    /// <summary>The CsCheck seed of the whole plan. Change it to explore; a failure prints it with each request.</summary>
    const string Seed = "0N0XIzNsQ0O2";
    const int CallsPerEndpoint = 30;

    [Fact]
    public async Task EveryEndpoint_MalformedRequestsFromEveryIdentity_NeverGet5xx_NorLeakInternals()
    {
        var targets = Targets(office.App.Services);
        Assert.True(targets.Count > 80, $"only {targets.Count} endpoints found");
        var plan = Plan(targets);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var sent = 0;
        foreach (var (target, mangling) in plan)
        {
            using var request = await BuildAsync(target, mangling);
            var described = Describe(request, mangling);
            using var response = await SendAsync(request);
            sent++;
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if (await VerdictAsync(response) is { } why)
                failures.Add($"{target} as {office.Identities[mangling.Who]}: {why}\n    {described}");
        }
        output.WriteLine($"seed {Seed}: {sent} requests to {targets.Count} endpoints in {clock.Elapsed.TotalSeconds:F1} s; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, $"seed {Seed}: {failures.Count} bad answers of {sent}:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>The app's endpoints (static files aside), pages as GET and POST, plus the middleware-served dashboard.</summary>
    static List<Target> Targets(IServiceProvider services)
    {
        var found = new List<Target>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
                continue;
            var pattern = EndpointInventory.Normalise(endpoint.RoutePattern.RawText ?? "");
            if (pattern.Contains("{**path", StringComparison.Ordinal))
                continue;
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["GET", "POST"];
            found.AddRange(methods.Select(method => new Target(method, pattern, body)));
        }
        found.Add(new Target("GET", "/hangfire", null));
        return found.DistinctBy(t => t.ToString()).OrderBy(t => t.Pattern, StringComparer.Ordinal).ThenBy(t => t.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>The whole plan from one seed: <see cref="CallsPerEndpoint"/> manglings for each endpoint, in a fixed order.</summary>
    List<(Target, Mangling)> Plan(List<Target> targets)
    {
        var perTarget = targets.Select(t => Malformed.For(t.RequestType, office.Identities.Count).Array[CallsPerEndpoint].Select(a => a.Select(m => (t, m)).ToArray()));
        var all = perTarget.Aggregate(Gen.Const(Array.Empty<(Target, Mangling)>()), (acc, next) => Gen.Select(acc, next, (a, b) => (a.Concat(b).ToArray())));
        return [.. all.Single(_ => true, Seed)];
    }

    async Task<HttpRequestMessage> BuildAsync(Target target, Mangling m)
    {
        var who = office.Identities[m.Who];
        var path = Probe.Path(target.Pattern, office, who);
        if (m.RouteValue is { } weird && target.Pattern.Contains('{', StringComparison.Ordinal))
            path = RouteParameter().Replace(target.Pattern, weird);
        var query = new List<string>();
        if (who.BookingToken is { } token)
            query.Add($"token={Uri.EscapeDataString(token)}");
        if (target.Pattern.EndsWith("/availability", StringComparison.Ordinal))
            query.Add("date=2026-12-02");
        query.AddRange(m.Query.Select(q => q.Value.Length == 0 ? q.Key : $"{q.Key}={q.Value}"));
        var url = path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        var request = new HttpRequestMessage(new HttpMethod(target.Method), url);
        if (who.Bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", who.Bearer);

        if (target.Page && target.Method == "POST" && m.Fields[0].Length % 3 != 0)
            request.Content = await PageFormAsync(path, who.Bearer, m, request);
        else if (m.Body.ContentType is not null || m.Body.Bytes.Length > 0)
        {
            request.Content = new ByteArrayContent(m.Body.Bytes);
            if (m.Body.ContentType is { } type)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        foreach (var (name, value) in m.Headers)
        {
            if (name == "Authorization")
                request.Headers.Remove(name);
            if (name == "Content-Encoding")
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            else
                request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    /// <summary>
    /// A page's POST handlers run only behind a valid antiforgery token: read one (and its cookie) from the page as the
    /// same identity, then post one of its forms with every field hostile.
    /// </summary>
    async Task<HttpContent> PageFormAsync(string path, string? bearer, Mangling m, HttpRequestMessage post)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var page = await SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var forms = Forms().Matches(html).Select(f => f.Value).Where(f => f.Contains("__RequestVerificationToken", StringComparison.Ordinal)).ToList();
        var fields = new List<KeyValuePair<string, string>>();
        if (forms.Count > 0)
        {
            var form = forms[m.Fields[1].Length % forms.Count];
            var names = Names().Matches(form).Select(x => WebUtility.HtmlDecode(x.Groups[1].Value)).Distinct().ToList();
            var token = TokenValue().Match(form).Groups[1].Value;
            fields.Add(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
            fields.AddRange(names.Where(n => n != "__RequestVerificationToken").Select((n, i) => KeyValuePair.Create(n, m.Fields[(i + 2) % m.Fields.Length])));
            if (Action().Match(form) is { Success: true } action)
                post.RequestUri = new Uri(WebUtility.HtmlDecode(action.Groups[1].Value), UriKind.Relative);
            if (Handler().Match(form) is { Success: true } handler && m.Fields[2].Length % 2 == 0)
                post.RequestUri = new Uri($"{post.RequestUri}{(post.RequestUri!.OriginalString.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={Uri.EscapeDataString(WebUtility.HtmlDecode(handler.Groups[1].Value))}", UriKind.Relative);
            var cookies = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : [];
            post.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies));
        }
        var body = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
    }

    async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using var http = office.Client(null);
        http.DefaultRequestHeaders.AcceptLanguage.Clear();
        try
        {
            return await http.SendAsync(request);
        }
        catch (InvalidOperationException e) when (e.StackTrace?.Contains("PathString.FromUriComponent", StringComparison.Ordinal) == true)
        {
            // A decoded NUL in the path: the in-process test host refuses to build the request at all (Kestrel's parser
            // answers 400 before the app runs). Either way the app never sees it.
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("") };
        }
    }

    /// <summary>Why an answer is wrong, or null: a 5xx, or a body that shows the server's insides.</summary>
    public static async Task<string?> VerdictAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
            return $"{(int)response.StatusCode}: {Cut(body)}";
        return Leak().Match(body) is { Success: true } leak ? $"{(int)response.StatusCode} leaks \"{leak.Value}\": {Cut(body)}" : null;
    }

    static string Describe(HttpRequestMessage r, Mangling m) =>
        $"{r.Method} {Cut(r.RequestUri?.OriginalString ?? "")} [{m.Body.Kind}; {r.Content?.Headers.ContentType?.ToString() ?? m.Body.ContentType ?? "no content type"}] " +
        $"headers: {string.Join(", ", m.Headers.Select(h => $"{h.Key}: {Cut(h.Value, 40)}"))} body: {Cut(m.Body.Preview)}";

    static string Cut(string s, int max = 300) => s.Length <= max ? s : s[..max] + $"…({s.Length})";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    /// <summary>Stack frames, exception type names, source lines and server paths.</summary>
    [GeneratedRegex(@"\n\s+at [\w.`<>]+\(|\b\w*Exception\b|\.cs:line|/work/|/root/|/tmp/|/usr/share/dotnet|[A-Z]:\\\\")]
    private static partial Regex Leak();

    [GeneratedRegex(@"<form\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex(@"\bname=""([^""]+)""")]
    private static partial Regex Names();

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex TokenValue();

    [GeneratedRegex(@"<form\b[^>]*\baction=""([^""]+)""")]
    private static partial Regex Action();

    [GeneratedRegex(@"formaction=""[^""]*handler=([^""&]+)|asp-page-handler=""([^""]+)""")]
    private static partial Regex Handler();
}
