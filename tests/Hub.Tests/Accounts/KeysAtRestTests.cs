using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Hub.Accounts;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>
/// The keys that sign every sign-in cookie, and the key that signs booking links and QR codes, live in the database.
/// With a certificate configured they are stored encrypted: a copy of the database (a backup) cannot be used to forge an
/// administrator's cookie or anyone's booking link. Without one they are stored as they are, as before.
/// </summary>
public sealed class KeysAtRestTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("rantevou-keys-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task WithACertificate_NewKeysAreStoredEncrypted_AndSignInStillWorks()
    {
        await using var app = new RantevouApp();
        app.Settings[KeyCertificate.PathKey] = Certificate("secret-pass");
        app.Settings[KeyCertificate.PasswordKey] = "secret-pass";

        var admin = await PageForms.SignInAsync(app, "admin@example.org");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task WithoutACertificate_KeysAreStoredAsTheyAre()
    {
        await using var app = new RantevouApp();
        await PageForms.SignInAsync(app, "admin@example.org");

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.Contains(keys, xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheBookingLinksKey_IsSealedWhenACertificateIsAdded_EveryLinkKeepsWorking_AndANodeWithoutItRefusesToStart()
    {
        var booking = Guid.NewGuid();
        var path = Certificate("secret-pass");
        string before;
        await using (var plain = new RantevouApp { KeepData = true })
        {
            plain.CreateClient().Dispose();
            before = plain.Services.GetRequiredService<BookingTokens>().Manage(booking);
            await using var withCertificate = Node(plain.DataDir);
            withCertificate.Settings[KeyCertificate.PathKey] = path;
            withCertificate.Settings[KeyCertificate.PasswordKey] = "secret-pass";
            withCertificate.CreateClient().Dispose();

            var stored = await withCertificate.WithDbAsync(db => db.Secrets.Where(s => s.Name == SecretStore.BookingTokens).Select(s => s.Value).SingleAsync());
            Assert.True(SecretSeal.IsSealed(stored));
            Assert.Equal(before, withCertificate.Services.GetRequiredService<BookingTokens>().Manage(booking));

            using var withoutCertificate = Node(plain.DataDir);
            var failed = Assert.ThrowsAny<Exception>(() => withoutCertificate.CreateClient());
            Assert.Contains(KeyCertificate.PathKey, failed.ToString(), StringComparison.Ordinal);
        }

        static RantevouApp Node(string dataDir) => new(dataDir, new FakeTimeProvider(RantevouApp.DefaultStart)) { KeepData = true };
    }

    [Theory]
    [InlineData("missing.pfx", "secret-pass")]
    [InlineData("keys.pfx", "wrong-pass")]
    public void ACertificateThatCannotBeRead_StopsTheStart_NamingTheSetting(string file, string password)
    {
        Certificate("secret-pass");
        using var app = new RantevouApp();
        app.Settings[KeyCertificate.PathKey] = Path.Combine(folder, file);
        app.Settings[KeyCertificate.PasswordKey] = password;

        var failed = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(KeyCertificate.PathKey, failed.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A self-signed RSA certificate with its private key, as the office's IT would issue one, in keys.pfx.</summary>
    string Certificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Rantevou data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
