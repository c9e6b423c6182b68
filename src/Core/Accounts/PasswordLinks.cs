using Microsoft.AspNetCore.Identity;
using Rantevou.Core.Data;
using Rantevou.Core.Notifications;

namespace Rantevou.Core.Accounts;

/// <summary>
/// Forgot password and the invitation's link. Both use Identity's password-reset token: it carries the
/// account's security stamp, which the new password changes, so a link works once; and it expires
/// (<c>DataProtectionTokenProviderOptions.TokenLifespan</c>, set in AccountsSetup).
/// </summary>
public sealed class PasswordLinks(UserManager<AppUser> users, RantevouDbContext db, IAccountMail mail, IOutboxSignal signal, SignInThrottle throttle)
{
    /// <summary>Mails a reset link when the address has an account that may sign in; otherwise does nothing, silently.</summary>
    public async Task SendResetAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.Disabled)
            return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        db.Outbox.Add(mail.Compose(AccountMailKind.PasswordReset, user, token));
        await db.SaveChangesAsync(ct);
        signal.MailCommitted();
    }

    /// <summary>Whether the link still works, asked before the person types a new password for nothing; it is not used up.</summary>
    public async Task<bool> IsUsableAsync(string? email, string? token)
    {
        if (string.IsNullOrEmpty(token) || await AccountAsync(email) is not { } user)
            return false;
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>Sets the new password; an unknown or disabled account fails as a used link does. The stamp changes, so every earlier sign-in ends.</summary>
    public async Task<IdentityResult> ResetAsync(string email, string token, string password)
    {
        if (await AccountAsync(email) is not { } user)
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "Invalid token." });
        var result = await users.ResetPasswordAsync(user, token, password);
        // A lockout from guessing is over once the owner proves the mailbox: the account's, and the wait of every address
        // that failed for it (the owner's own tries among them, who would otherwise be refused the new password).
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            throttle.ForgetAccount(user.Email ?? email);
        }
        return result;
    }

    /// <summary>The account a link names, if it may still sign in; an unknown or disabled one fails as a used link does.</summary>
    async Task<AppUser?> AccountAsync(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim()) is { Disabled: false } user ? user : null;
}
