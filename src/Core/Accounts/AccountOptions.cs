namespace Rantevou.Core.Accounts;

/// <summary>Settings under <c>Rantevou:Accounts</c>.</summary>
public sealed class AccountOptions
{
    /// <summary>
    /// An administrator must have a second factor before any administration page or call answers (R11, R12: the
    /// administrators change what every clerk and citizen sees). Defaults to true in Production, false elsewhere.
    /// </summary>
    public bool RequireAdminTwoFactor { get; set; }
}
