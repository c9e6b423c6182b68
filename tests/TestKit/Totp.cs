using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Rantevou.TestKit;

/// <summary>
/// The authenticator app's side of RFC 6238 (HMAC-SHA1, 30 s steps, 6 digits) over a base32 key, as a phone computes it.
/// Identity's authenticator provider checks codes against the wall clock, not the app's TimeProvider, so tests compute
/// codes from the real time too (<see cref="Now"/>).
/// </summary>
public static class Totp
{
    /// <summary>The code for the current 30 s step of the real clock.</summary>
    public static string Now(string base32Key) => At(base32Key, DateTimeOffset.UtcNow);

    public static string At(string base32Key, DateTimeOffset time)
    {
        var step = time.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A code that is not the current one (nor either neighbour Identity also accepts).</summary>
    public static string Wrong(string base32Key)
    {
        var now = DateTimeOffset.UtcNow;
        var taken = new[] { -2, -1, 0, 1, 2 }.Select(s => At(base32Key, now.AddSeconds(30 * s))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !taken.Contains(c));
    }

    static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
