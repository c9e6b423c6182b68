using Rantevou.Core.Accounts;

namespace Rantevou.Core.Notifications;

public enum AccountMailKind
{
    /// <summary>An administrator created the account: set your password.</summary>
    Invitation,

    /// <summary>Forgot password: a link to choose a new one.</summary>
    PasswordReset,
}

/// <summary>Renders an account's email (Greek first, then English) with its one-use link into an outbox row (implemented by the host).</summary>
public interface IAccountMail
{
    OutboxMessage Compose(AccountMailKind kind, AppUser user, string token);
}
