using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rantevou.Core.Accounts;

namespace Rantevou.Hub.Accounts;

/// <summary>Puts the account's office (and whether it has a second factor) in the sign-in (cookie and bearer alike), so every request knows it without a lookup.</summary>
public sealed class OfficeClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OfficeId is { } office)
            identity.AddClaim(new Claim(OfficeScope.ClaimType, office.ToString(CultureInfo.InvariantCulture)));
        // Both ways of signing in ask for the second code when the account has one, and turning it on or off changes the
        // security stamp (ending every earlier sign-in): a sign-in of such an account always passed the second factor.
        if (user.TwoFactorEnabled)
            identity.AddClaim(new Claim(TwoFactor.ClaimType, "on"));
        return identity;
    }
}
