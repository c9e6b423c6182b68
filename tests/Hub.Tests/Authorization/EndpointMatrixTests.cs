using System.Text;
using Xunit.Abstractions;

namespace Rantevou.Hub.Tests.Authorization;

/// <summary>
/// The app's real endpoint list against the declared <see cref="AccessTable"/>: every endpoint has a line, its metadata
/// enforces what the line says, and every endpoint × identity call gets no unexpected 2xx and no 5xx.
/// </summary>
public sealed class EndpointMatrixTests(MatrixOffice office, ITestOutputHelper output) : IClassFixture<MatrixOffice>
{
    [Fact]
    public async Task EveryEndpoint_HasALineInTheTable_AndEveryLineAnEndpoint()
    {
        var mapped = await EndpointInventory.ReadAsync(office.App.Services);
        var declared = AccessTable.Endpoints.Select(r => $"{r.Method} {r.Pattern}").ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());

        var undeclared = mapped.Where(e => !e.StaticAsset).Select(e => e.Key).Except(declared).Order().ToList();
        var missing = declared.Except(mapped.Select(e => e.Key)).Order().ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without a line in AccessTable (decide who may call them):\n" + string.Join('\n', undeclared));
        Assert.True(missing.Count == 0, "AccessTable lines the app does not map:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task EveryEndpoint_MetadataAdmitsExactlyTheDeclaredCallers()
    {
        var mapped = (await EndpointInventory.ReadAsync(office.App.Services)).ToDictionary(e => e.Key);
        var wrong = new List<string>();
        foreach (var rule in AccessTable.Endpoints)
        {
            if (!mapped.TryGetValue($"{rule.Method} {rule.Pattern}", out var endpoint))
                continue;
            var expected = EndpointInventory.Expected(rule.Access);
            if (!endpoint.Admits.SetEquals(expected))
                wrong.Add($"{endpoint.Key} declared {rule.Access}: metadata admits [{string.Join(", ", endpoint.Admits.Order())}], expected [{string.Join(", ", expected.Order())}]");
        }
        // Static assets are files for anyone: none may carry a policy that would hide the site's CSS from the login page.
        wrong.AddRange(mapped.Values.Where(e => e.StaticAsset && !e.Admits.SetEquals(EndpointInventory.Expected(Access.Public)))
            .Select(e => $"{e.Key}: a static asset with authorization metadata"));
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task EveryEndpoint_ForEveryIdentity_NoUnexpected2xx_AndNo5xx()
    {
        var mapped = await EndpointInventory.ReadAsync(office.App.Services);
        var rules = AccessTable.Endpoints.Concat(AccessTable.Middleware)
            .SelectMany(r => r.Method == "*" ? [r with { Method = "GET" }, r with { Method = "POST" }] : new[] { r })
            // Reads first and the calls that end booking X (cancel, void) last, so each identity meets X still alive.
            .OrderBy(r => r.Pattern.EndsWith("/cancel", StringComparison.Ordinal) || r.Pattern.EndsWith("/void", StringComparison.Ordinal))
            .ThenBy(r => r.Method != "GET")
            .ToList();
        // A few assets show files are served to anyone. The Razor libraries' /_content files and the build's .gz/.br
        // copies are left out: the test host's "Testing" environment does not load the static web assets manifest,
        // so they are not on disk for it (500 here, served in Development and from a publish).
        var assets = mapped.Where(e => e.StaticAsset && e.Method == "GET" && OnDiskForTests(e.Pattern)).Take(3).Select(e => new Rule("GET", e.Pattern, Access.Public));

        var failures = new List<string>();
        var successes = new Dictionary<(Access, string), int>();
        var table = new StringBuilder();
        foreach (var rule in rules.Concat(assets))
        {
            table.Append($"{rule.Method,-5} {rule.Pattern,-42} {rule.Access,-12}");
            foreach (var who in office.Identities)
            {
                using var http = office.Client(who.Bearer, who.Device);
                using var response = await http.SendAsync(Probe.Request(rule.Method, rule.Pattern, office, who));
                table.Append($" {(int)response.StatusCode}");
                if (Probe.Verdict(rule.Method, rule.Pattern, rule.Access, who, response) is { } why)
                    failures.Add($"{rule.Method} {rule.Pattern} as {who}: {why}");
                if (response.IsSuccessStatusCode)
                    successes[(rule.Access, who.Name)] = successes.GetValueOrDefault((rule.Access, who.Name)) + 1;
            }
            table.AppendLine();
        }
        output.WriteLine("columns: " + string.Join(" | ", office.Identities));
        output.WriteLine(table.ToString());

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        // The matrix proves nothing if nobody gets in: each kind of caller must succeed somewhere it is allowed.
        Assert.True(successes.GetValueOrDefault((Access.TokenHolder, "token holder of X")) > 0, "the token holder never got in");
        Assert.True(successes.GetValueOrDefault((Access.Staff, "clerk")) > 0, "the clerk never got in");
        Assert.True(successes.GetValueOrDefault((Access.Staff, "admin")) > 0, "the admin never got in");
        Assert.True(successes.GetValueOrDefault((Access.Kiosk, "kiosk")) > 0, "the kiosk never got in");
    }

    static bool OnDiskForTests(string pattern) =>
        !pattern.StartsWith("/_content/", StringComparison.Ordinal) && !pattern.EndsWith(".gz", StringComparison.Ordinal) && !pattern.EndsWith(".br", StringComparison.Ordinal);

    [Fact]
    public async Task StaffPage_Anonymously_RedirectsToLogin()
    {
        foreach (var page in AccessTable.Endpoints.Where(r => r.Method == "*" && r.Access is Access.Staff or Access.Admin or Access.Directorate or Access.Agent or Access.Account))
        {
            using var response = await office.Client(null).GetAsync(Probe.Path(page.Pattern, office, office.Identities[0]));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
        }
    }
}
