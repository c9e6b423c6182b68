using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Rantevou.Core.Data;

/// <summary>
/// Rantevou's own secrets in the database, made once by the first node and shared by all: the key that signs booking
/// links and QR codes (<see cref="BookingTokens"/>). With a <see cref="SecretSeal"/> they are stored sealed, and a secret
/// stored before the seal was configured is sealed in place at the next start (its value, so every link keeps working).
/// </summary>
public static class SecretStore
{
    public const string BookingTokens = "booking-tokens";

    public static async Task EnsureAsync(RantevouDbContext db, string name, SecretSeal? seal, CancellationToken ct)
    {
        var stored = await db.Secrets.SingleOrDefaultAsync(s => s.Name == name, ct);
        if (stored is not null)
        {
            if (SecretSeal.IsSealed(stored.Value) && seal is null)
                throw new InvalidOperationException($"The secret '{name}' is stored sealed: this node needs the data-protection certificate (Rantevou:DataProtection:CertificatePath) to read it.");
            if (!SecretSeal.IsSealed(stored.Value) && seal is not null)
            {
                stored.Value = seal.Seal(stored.Value);
                await db.SaveChangesAsync(ct);
            }
            db.ChangeTracker.Clear();
            return;
        }
        var value = RandomNumberGenerator.GetBytes(32);
        db.Secrets.Add(new Secret { Name = name, Value = seal?.Seal(value) ?? value });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another node created it first; theirs is the one.
        }
        db.ChangeTracker.Clear();
    }

    public static byte[] Load(IServiceProvider services, string name)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
        var value = db.Secrets.AsNoTracking().Single(s => s.Name == name).Value;
        return SecretSeal.IsSealed(value) ? services.GetRequiredService<SecretSeal>().Open(value) : value;
    }
}

/// <summary>
/// Seals a secret with the data-protection certificate (RSA-OAEP with SHA-256), so a copy of the database cannot sign a
/// booking link: only a node holding the certificate's private key reads it.
/// </summary>
public sealed class SecretSeal(X509Certificate2 certificate)
{
    static readonly byte[] Marker = "RVS1"u8.ToArray();

    /// <summary>A plain secret is 32 random bytes; a sealed one is the marker and an RSA block, never 32 bytes long.</summary>
    public static bool IsSealed(byte[] value) => value.Length != 32 && value.AsSpan().StartsWith(Marker);

    public byte[] Seal(byte[] plain)
    {
        using var rsa = certificate.GetRSAPublicKey() ?? throw new InvalidOperationException("The certificate has no RSA key.");
        return [.. Marker, .. rsa.Encrypt(plain, RSAEncryptionPadding.OaepSHA256)];
    }

    public byte[] Open(byte[] sealedValue)
    {
        using var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The certificate has no RSA private key.");
        return rsa.Decrypt(sealedValue.AsSpan(Marker.Length), RSAEncryptionPadding.OaepSHA256);
    }
}
