using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Rantevou.Resilience.Tests;

/// <summary>
/// The published server in Production over TLS behind a reverse proxy, the test playing the proxy at 127.0.0.1
/// (Rantevou:Proxy:KnownProxies): the citizen's forwarded address reaches the rate limiter and the audit log, and every
/// answer carries HSTS and the security headers (README, Going live).
/// </summary>
[Collection(ProcessLane.Name)]
public sealed class ProxyTlsTests : IDisposable
{
    internal const string CertificatePassword = "test-only";

    readonly string dataDir = Nodes.NewDataDir();

    public void Dispose() => Nodes.DeleteDataDir(dataDir);

    [Fact]
    public async Task Production_OverTls_BehindAKnownProxy_SeesTheClientAddress_AndSendsTheSecurityHeaders()
    {
        Directory.CreateDirectory(dataDir);
        var certificate = Path.Combine(dataDir, "server.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSigned());
        var httpPort = HubProcess.FreePort();
        var httpsPort = HubProcess.FreePort();
        await using var node = await HubProcess.StartAsync(dataDir, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"https://127.0.0.1:{httpsPort};http://127.0.0.1:{httpPort}",
            ["Kestrel:Certificates:Default:Path"] = certificate,
            ["Kestrel:Certificates:Default:Password"] = CertificatePassword,
            ["Rantevou:Proxy:KnownProxies:0"] = "127.0.0.1",
            ["Rantevou:RateLimits:LoginPerMinute"] = "3",
        }, port: httpsPort, https: true);
        using var http = node.Client();

        // Headers: HSTS over TLS, and the policy on pages and API alike.
        foreach (var path in (string[])["/", "/api/services", "/account/login"])
        {
            using var page = await http.GetAsync(path);
            Assert.True(page.IsSuccessStatusCode, $"{path}: {page.StatusCode}\n{node.Output}");
            Assert.StartsWith("max-age=", Single(page, "Strict-Transport-Security"));
            var csp = Single(page, "Content-Security-Policy");
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", Single(page, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Single(page, "Referrer-Policy"));
        }

        // Plain HTTP is sent to HTTPS.
        using (var plain = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }))
        {
            using var redirect = await plain.GetAsync($"http://127.0.0.1:{httpPort}/");
            Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
            Assert.Equal("https", redirect.Headers.Location?.Scheme);
        }

        // The rate limiter counts per forwarded address: one citizen over the limit, the next one untouched.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(http, "203.0.113.7", "nobody@example.org", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(http, "203.0.113.7", "nobody@example.org", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(http, "203.0.113.8", "nobody@example.org", "wrong")).StatusCode);

        // The audit log records the clerk's forwarded address, not the proxy's.
        using var login = await LoginAsync(http, "198.51.100.23", "clerk1@example.org", "Demo!2026");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using (var call = Forwarded(HttpMethod.Post, "/api/desks/1/call-next", "198.51.100.23", token))
            await http.SendAsync(call);
        using var db = Nodes.OpenDatabase(node.DatabaseFile);
        var entries = Nodes.Query(db,
            "SELECT Action, ClientIp FROM AuditEntries", r => (Action: r.GetString(0), Ip: r.IsDBNull(1) ? null : r.GetString(1)));
        Assert.Contains(("desk.call-next", "198.51.100.23"), entries);
    }

    static Task<HttpResponseMessage> LoginAsync(HttpClient http, string clientIp, string email, string password)
    {
        var request = Forwarded(HttpMethod.Post, "/api/auth/login", clientIp, null);
        request.Content = JsonContent.Create(new { email, password });
        return http.SendAsync(request);
    }

    /// <summary>What a TLS-terminating proxy adds: the citizen's address and the scheme they used.</summary>
    static HttpRequestMessage Forwarded(HttpMethod method, string path, string clientIp, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", clientIp);
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{header} missing on {response.RequestMessage?.RequestUri}");

    /// <summary>A throwaway certificate for 127.0.0.1, as an office's would come from its CA.</summary>
    internal static byte[] SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return certificate.Export(X509ContentType.Pfx, CertificatePassword);
    }
}
