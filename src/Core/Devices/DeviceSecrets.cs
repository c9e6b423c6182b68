using System.Security.Cryptography;
using System.Text;

namespace Rantevou.Core.Devices;

/// <summary>Random secrets and pairing codes, and the hash they are kept as.</summary>
public static class DeviceSecrets
{
    /// <summary>No 0/O, 1/I/L or 5/S: a code read aloud or typed from across the lobby is read right.</summary>
    public const string CodeAlphabet = "ABCDEFGHJKMNPQRTUVWXYZ2346789";

    /// <summary>256 random bits, URL-safe: far beyond guessing, so a fast hash is enough to keep it.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, 6);

    /// <summary>"K7P4QX" as the screen shows it: "K7P-4QX".</summary>
    public static string Display(string code) => code.Length == 6 ? $"{code[..3]}-{code[3..]}" : code;

    /// <summary>What the administrator typed, as stored: case, blanks and the dash do not matter.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
            return null;
        var code = new string(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return code.Length == 6 && code.All(CodeAlphabet.Contains) ? code : null;
    }
}
