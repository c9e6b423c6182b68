using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Rantevou.Core.Accounts;

/// <summary>
/// The account's second factor: a TOTP authenticator app (RFC 6238, 30 s, 6 digits) through Identity's own
/// authenticator token provider, plus ten one-use recovery codes for a lost phone. Turning it on or off changes the
/// security stamp (Identity does), so every other sign-in of the account ends.
/// </summary>
public sealed class TwoFactor(UserManager<AppUser> users)
{
    /// <summary>On a sign-in of an account with a second factor: every sign-in of such an account passed it.</summary>
    public const string ClaimType = "rantevou:two-factor";

    public const int RecoveryCodeCount = 10;

    const string Issuer = "Rantevou";

    // Identity keeps the authenticator key as an authentication token under these names (UserStoreBase); writing it the
    // same way, without ResetAuthenticatorKeyAsync, gives a key to a not-yet-enrolled account without changing its
    // security stamp: showing the enrolment page must not sign the person out of the page they are on.
    const string KeyStoreProvider = "[AspNetUserStore]";
    const string KeyStoreName = "AuthenticatorKey";

    public static bool IsOn(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ClaimType);

    /// <summary>The key an account enrols with: the one waiting for confirmation, else a new one.</summary>
    public async Task<string> PendingKeyAsync(AppUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
            return key;
        key = users.GenerateNewAuthenticatorKey();
        await users.SetAuthenticationTokenAsync(user, KeyStoreProvider, KeyStoreName, key);
        return key;
    }

    /// <summary>What an authenticator app reads from the QR code.</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}"
        + $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The key in groups of four, for typing it into the app by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4))));

    /// <summary>Whether <paramref name="code"/> is the authenticator's current code (spaces and dashes ignored).</summary>
    public async Task<bool> IsCodeAsync(AppUser user, string? code)
    {
        var clean = Clean(code);
        return clean.Length == 6 && clean.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean);
    }

    /// <summary>Turns the second factor on when the code matches the pending key; the recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(AppUser user, string? code)
    {
        if (user.TwoFactorEnabled || !await IsCodeAsync(user, code))
            return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        return await NewRecoveryCodesAsync(user);
    }

    /// <summary>Turns the second factor off and throws the key away (the next enrolment gets a new one).</summary>
    public async Task DisableAsync(AppUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
    }

    /// <summary>Ten new recovery codes; the earlier ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(AppUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    /// <summary>Uses up a recovery code: true once per code.</summary>
    public async Task<bool> RedeemAsync(AppUser user, string? recoveryCode)
    {
        // Identity's codes are upper case with a dash in the middle (XXXXX-XXXXX), as printed.
        var clean = string.Concat((recoveryCode ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return clean.Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, clean)).Succeeded;
    }

    public static string Clean(string? code) =>
        string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));
}
