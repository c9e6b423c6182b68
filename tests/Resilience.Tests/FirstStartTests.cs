using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rantevou.Resilience.Tests;

/// <summary>
/// A real office's first start: the published server in Production on an empty data folder has its office catalogue
/// but no account, the README's demo password opens nothing, and the first administrator comes from
/// <c>Rantevou.Hub admin create</c> with the password on standard input (README, Going live), and must enrol a second
/// factor before the administration answers.
/// </summary>
[Collection(ProcessLane.Name)]
public sealed class FirstStartTests : IDisposable
{
    // Greek letters too: the line must reach the command as UTF-8. Identity counts only A–Z and a–z as upper and lower case.
    const string Password = "Proti-Μέρα-2026";

    /// <summary>Production as an office runs it: no SeedDemo at all (HubProcess asks for the demo accounts otherwise).</summary>
    static readonly Dictionary<string, string?> Production = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Rantevou:SeedDemo"] = null,
    };

    static readonly string[] DemoEmails =
        ["admin@example.org", .. Enumerable.Range(1, 6).Select(n => $"clerk{n}@example.org"), "school@example.org", "agent@example.org",
         "admin-b@example.org", "clerk-b1@example.org", "clerk-b2@example.org", "directorate@example.org"];

    readonly string dataDir = Nodes.NewDataDir();

    public void Dispose() => Nodes.DeleteDataDir(dataDir);

    [Fact]
    public async Task Production_EmptyDatabase_HasTheCatalogueButNoAccount_UntilAdminCreate()
    {
        await using var node = await HubProcess.StartAsync(dataDir, Production);
        using var http = node.Client();

        Assert.Equal(0, Accounts());
        foreach (var email in DemoEmails)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(http, email, "Demo!2026")).StatusCode);
        var services = await http.GetFromJsonAsync<JsonElement>("/api/services");
        Assert.True(services.GetArrayLength() > 0, "the office catalogue is created in Production too");
        // The demo's second office is demo data: not in Production.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/services?office=demo-b")).StatusCode);
        await Eventually(() => node.Output.Contains("admin create --email", StringComparison.Ordinal), node.Output);

        var created = await CreateAdminAsync(Password + "\n", "--email", "proistamenos@office.gr", "--name", "Προϊστάμενος");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("Created administrator proistamenos@office.gr (Προϊστάμενος) for every office", created.Output);
        Assert.DoesNotContain(Password, created.Output + created.Error);
        var login = await LoginAsync(http, "proistamenos@office.gr", Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = await TokenAsync(login);

        // Production asks administrators for a second factor: signed in, but no administration until enrolled.
        var refused = await SendAsync(http, HttpMethod.Get, "/api/admin/audit", token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("TwoFactorRequired", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var state = await (await SendAsync(http, HttpMethod.Get, "/api/account/two-factor", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("otpauth://totp/Rantevou:", state.GetProperty("uri").GetString(), StringComparison.Ordinal);
        var key = state.GetProperty("key").GetString()!;
        var enrolled = await SendAsync(http, HttpMethod.Post, "/api/account/two-factor", token, new { code = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(10, (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetArrayLength());

        // Enrolling ended the sign-in it was made with; the password alone is not enough any more, password and code are.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, "/api/admin/audit", token)).StatusCode);
        var withoutCode = await LoginAsync(http, "proistamenos@office.gr", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("TwoFactorRequired", (await withoutCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var withCode = await http.PostAsJsonAsync("/api/auth/login", new { email = "proistamenos@office.gr", password = Password, twoFactorCode = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, "/api/admin/audit", await TokenAsync(withCode))).StatusCode);
        Assert.Equal(1, Accounts());
    }

    static async Task<string> TokenAsync(HttpResponseMessage login) =>
        (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

    static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task AdminCreate_RefusesAnEmptyOrWeakPassword_AndCreatesNothing()
    {
        var empty = await CreateAdminAsync("\n", "--email", "someone@office.gr");
        var weak = await CreateAdminAsync("password\n", "--email", "someone@office.gr");

        Assert.True(empty.ExitCode != 0, empty.ToString());
        Assert.Contains("No password on standard input", empty.Error);
        Assert.True(weak.ExitCode != 0, weak.ToString());
        Assert.Contains("at least 9 characters", weak.Error);
        Assert.Contains("uppercase", weak.Error);
        Assert.Equal(0, Accounts());
    }

    [Fact]
    public async Task AdminCreate_RefusesTheSameEmailTwice()
    {
        var first = await CreateAdminAsync(Password + "\n", "--email", "someone@office.gr");
        var second = await CreateAdminAsync("Allos-Kodikos-2026\n", "--email", "someone@office.gr");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode != 0, second.ToString());
        Assert.Contains("already exists", second.Error);
        Assert.Equal(1, Accounts());
    }

    [Fact]
    public async Task AdminCreate_RefusesABadEmail_AnUnknownOffice_AndAPasswordArgument()
    {
        var badEmail = await CreateAdminAsync(Password + "\n", "--email", "not-an-email");
        var badOffice = await CreateAdminAsync(Password + "\n", "--email", "someone@office.gr", "--office", "nowhere");
        var argument = await CreateAdminAsync(null, "--email", "someone@office.gr", "--password", Password);

        Assert.True(badEmail.ExitCode != 0, badEmail.ToString());
        Assert.Contains("valid email", badEmail.Error);
        Assert.True(badOffice.ExitCode != 0, badOffice.ToString());
        Assert.Contains("No office with the slug 'nowhere'. Offices: demo.", badOffice.Error);
        Assert.True(argument.ExitCode != 0, argument.ToString());
        Assert.Contains("standard input", argument.Error);
        Assert.Equal(0, Accounts());
    }

    [Fact]
    public async Task AdminCreate_WithOffice_ScopesTheAdministratorToThatOffice()
    {
        var created = await CreateAdminAsync(Password + "\n", "--email", "office-admin@office.gr", "--office", "demo");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("for the office 'demo'", created.Output);
        using var db = Nodes.OpenDatabase(Path.Combine(dataDir, "rantevou.db"));
        var rows = Nodes.Query(db, """
            SELECT o.Slug, r.Name FROM AspNetUsers u JOIN Offices o ON o.Id = u.OfficeId
            JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId
            """, r => (Office: r.GetString(0), Role: r.GetString(1)));
        Assert.Equal([("demo", "Admin")], rows);
    }

    [Fact]
    public async Task Development_CreatesTheDemoAccounts_WithoutBeingAsked()
    {
        await using var node = await HubProcess.StartAsync(dataDir, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Rantevou:SeedDemo"] = null,
        });
        using var http = node.Client();

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(http, "admin@example.org", "Demo!2026")).StatusCode);
        Assert.Equal(DemoEmails.Length, Accounts());
    }

    Task<CommandResult> CreateAdminAsync(string? input, params string[] options) =>
        HubCommand.RunAsync(dataDir, input, Production, ["admin", "create", .. options]);

    static Task<HttpResponseMessage> LoginAsync(HttpClient http, string email, string password) =>
        http.PostAsJsonAsync("/api/auth/login", new { email, password });

    int Accounts()
    {
        using var db = Nodes.OpenDatabase(Path.Combine(dataDir, "rantevou.db"));
        return Nodes.Query(db, "SELECT COUNT(*) FROM AspNetUsers", r => r.GetInt32(0)).Single();
    }

    /// <summary>The log reaches the pipe a moment after the line that wrote it.</summary>
    static async Task Eventually(Func<bool> condition, string because)
    {
        for (var i = 0; i < 50 && !condition(); i++)
            await Task.Delay(100);
        Assert.True(condition(), because);
    }
}
