using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rantevou.Hub.Accounts;

/// <summary>
/// The certificate that encrypts the data-protection keys at rest (<c>Rantevou:DataProtection:CertificatePath</c>, a
/// PKCS#12 file with its private key, and <c>…:CertificatePassword</c>). Every node loads the same file. A file that
/// cannot be read stops the start and says which setting: a node that silently stored keys in the clear would defeat it.
/// </summary>
public static class KeyCertificate
{
    public const string PathKey = "Rantevou:DataProtection:CertificatePath";
    public const string PasswordKey = "Rantevou:DataProtection:CertificatePassword";

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        if (configuration[PathKey] is not { Length: > 0 } path)
            return null;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{PathKey}: '{path}' could not be read as a PKCS#12 certificate with {PasswordKey}: {e.Message}", e);
        }
        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
            throw new InvalidOperationException($"{PathKey}: '{path}' has no RSA private key; the keys could be encrypted but never read back.");
        return certificate;
    }
}
