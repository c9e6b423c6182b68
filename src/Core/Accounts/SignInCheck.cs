using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Identity;

namespace Rantevou.Core.Accounts;

/// <summary>
/// The password check behind the sign-in page and <c>POST /api/auth/login</c>. It tells a stranger nothing: an unknown
/// address, a wrong password, a locked account and a throttled client get the same refusal after the same work (a
/// password hash is verified every time, a dummy one when there is no account to check). Guessing is throttled per
/// account and client address (<see cref="SignInThrottle"/>), so a stranger elsewhere cannot keep a clerk locked out;
/// the account-wide lockout (Identity's, at a much higher count) stays as the last line against a spread-out attack.
/// </summary>
public sealed class SignInCheck(SignInManager<AppUser> signIn, SignInThrottle throttle, TwoFactor twoFactor, Audit.AuditRecorder audit)
{
    /// <summary>The account when the password is right and nothing holds it back; otherwise null.</summary>
    public async Task<AppUser?> CheckAsync(string email, string password, IPAddress? client)
    {
        var users = signIn.UserManager;
        var key = SignInThrottle.Key(email, client);
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || throttle.IsBlocked(key) || await users.IsLockedOutAsync(user))
        {
            throttle.VerifyDummy(users.PasswordHasher, password);
            throttle.Failed(key);
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            // A disabled account is refused before its password is checked: spend the same time anyway.
            if (result.IsNotAllowed)
                throttle.VerifyDummy(users.PasswordHasher, password);
            throttle.Failed(key);
            return null;
        }
        // With a second factor the password alone is half a sign-in: the failures counted so far stand until the code is right.
        if (!user.TwoFactorEnabled)
            throttle.Succeeded(key);
        return user;
    }

    /// <summary>
    /// The second step for an account whose password was right: the authenticator's code, else a recovery code (used up,
    /// and audited). A wrong code counts as a wrong password does, for the throttle and the account-wide lockout.
    /// </summary>
    public async Task<bool> SecondFactorAsync(AppUser user, string? code, string? recoveryCode, IPAddress? client, Audit.AuditChannel channel)
    {
        var users = signIn.UserManager;
        var key = SignInThrottle.Key(user.Email ?? "", client);
        if (throttle.IsBlocked(key) || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            throttle.Failed(key);
            return false;
        }
        var byRecovery = string.IsNullOrWhiteSpace(code);
        if (!(byRecovery ? await twoFactor.RedeemAsync(user, recoveryCode) : await twoFactor.IsCodeAsync(user, code)))
        {
            throttle.Failed(key);
            await users.AccessFailedAsync(user);
            return false;
        }
        throttle.Succeeded(key);
        await users.ResetAccessFailedCountAsync(user);
        if (byRecovery)
            await RecordRecoveryCodeUsedAsync(user, client, channel);
        return true;
    }

    /// <summary>
    /// A current code asked again of a signed-in account, to turn its second factor off or to get new recovery codes. A
    /// wrong one counts as a wrong sign-in does (throttle, account-wide lockout, which ends the account's sessions), so
    /// someone holding a stolen session cannot guess their way to the account's second factor.
    /// </summary>
    public async Task<bool> ConfirmCodeAsync(AppUser user, string? code, IPAddress? client)
    {
        var key = SignInThrottle.Key(user.Email ?? "", client);
        if (!throttle.IsBlocked(key) && await twoFactor.IsCodeAsync(user, code))
            return true;
        throttle.Failed(key);
        await signIn.UserManager.AccessFailedAsync(user);
        return false;
    }

    /// <summary>R12: a recovery code stands in for the phone; the owner and the administrators should see when one was used.</summary>
    async Task RecordRecoveryCodeUsedAsync(AppUser user, IPAddress? client, Audit.AuditChannel channel)
    {
        if (Audit.AuditActor.From(await signIn.CreateUserPrincipalAsync(user)) is { } actor)
            await audit.RecordAsync(new Audit.AuditRecord(actor, "account.two-factor.recovery-code-used", user.Id, 200,
                Audit.AuditOutcome.Succeeded, channel, client?.ToString()));
    }
}

/// <summary>
/// Failed sign-ins counted per account and client address over a window (in this process: with several nodes a guesser
/// gets this many tries per node, and the account-wide lockout still caps the total).
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Failures from one address for one account before that pair waits out <see cref="Window"/>.</summary>
    public const int MaxFailures = 5;

    /// <summary>Failures for one account from all addresses together before Identity locks the account itself.</summary>
    public const int AccountWideLockout = 50;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> failures = new();
    string? dummyHash;

    public static string Key(string email, IPAddress? client) => $"{email.Trim().ToUpperInvariant()}|{client}";

    public bool IsBlocked(string key) =>
        failures.TryGetValue(key, out var f) && f.Count >= MaxFailures && time.GetUtcNow() - f.Since < Window;

    public void Failed(string key)
    {
        var now = time.GetUtcNow();
        failures.AddOrUpdate(key, (1, now), (_, f) => now - f.Since < Window ? (f.Count + 1, f.Since) : (1, now));
        if (failures.Count > 10_000)
            foreach (var old in failures.Where(f => now - f.Value.Since >= Window))
                failures.TryRemove(old.Key, out _);
    }

    public void Succeeded(string key) => failures.TryRemove(key, out _);

    /// <summary>Every address's failures for the account: its owner has just proved the mailbox (a password reset).</summary>
    public void ForgetAccount(string email)
    {
        var prefix = Key(email, null);
        foreach (var key in failures.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            failures.TryRemove(key, out _);
    }

    /// <summary>The cost of a real password check, spent when there is nothing real to check.</summary>
    public void VerifyDummy(IPasswordHasher<AppUser> hasher, string password)
    {
        var user = new AppUser();
        dummyHash ??= hasher.HashPassword(user, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(user, dummyHash, password);
    }
}
