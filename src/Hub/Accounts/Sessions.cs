using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Accounts;

/// <summary>
/// Whether a sign-in (cookie or bearer token) still stands: the account exists, is not disabled or locked out, and its
/// security stamp is the one the sign-in carries. A password change or reset, disabling, a lockout and "sign out
/// everywhere" all change the stamp, so every earlier cookie and token is refused. The account's stamp and state are
/// cached per user for <see cref="CacheFor"/>; a change made by this server forgets the entry at once (so the very next
/// request is refused here), and another server of a scale-out sees it within <see cref="CacheFor"/>.
/// </summary>
public sealed class SessionCheck(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<IdentityOptions> identity, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    sealed record State(string? Stamp, bool Blocked);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var claims = identity.Value.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        if (id is null)
            return true; // Not an account's sign-in: nothing to revoke.
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (stamp is null)
            return false;
        var state = await cache.GetOrCreateAsync(Key(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
            var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.Disabled, u.LockoutEnabled, u.LockoutEnd }).FirstOrDefaultAsync(ct);
            if (user is null)
                return new State(null, true);
            var now = time.GetUtcNow();
            DateTimeOffset? lockedUntil = user.LockoutEnabled && user.LockoutEnd is { } end && end > now ? end : null;
            if (lockedUntil - now is { } left && left < CacheFor)
                entry.AbsoluteExpirationRelativeToNow = left;
            return new State(user.SecurityStamp, user.Disabled || lockedUntil is not null);
        });
        return state is { Blocked: false } && state.Stamp == stamp;
    }

    /// <summary>Called after every change to an account made here, so this server checks it afresh.</summary>
    public void Forget(string userId) => cache.Remove(Key(userId));

    static string Key(string id) => "session:" + id;
}

/// <summary>
/// Every update of an account goes through <see cref="UpdateUserAsync"/>, which makes <see cref="SessionCheck"/> read it
/// again. A lockout (by failed attempts or set by hand) changes the security stamp, so sign-ins made before it stay
/// refused after it ends.
/// </summary>
public sealed class RantevouUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    SessionCheck sessions)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        sessions.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        var result = await base.AccessFailedAsync(user);
        if (result.Succeeded && await IsLockedOutAsync(user))
            return await UpdateSecurityStampAsync(user);
        return result;
    }

    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        if (result.Succeeded && await IsLockedOutAsync(user))
            return await UpdateSecurityStampAsync(user);
        return result;
    }
}

/// <summary>A disabled account cannot sign in: the password check answers "not allowed" before it looks at the password.</summary>
public sealed class RantevouSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> factory, IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, factory, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.Disabled && await base.CanSignInAsync(user);

    /// <summary>No "remember this browser" for the second factor (its cookie scheme is not even registered): always asked.</summary>
    public override Task<bool> IsTwoFactorClientRememberedAsync(AppUser user) => Task.FromResult(false);
}

/// <summary>The checks of <see cref="SessionCheck"/> where each kind of sign-in is read.</summary>
public static class Sessions
{
    /// <summary>Cookies: a stale one is rejected and removed.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext ctx)
    {
        if (ctx.Principal is null)
            return;
        var check = ctx.HttpContext.RequestServices.GetRequiredService<SessionCheck>();
        if (await check.IsCurrentAsync(ctx.Principal, ctx.HttpContext.RequestAborted))
            return;
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>
/// Authentication of the app's scheme (<see cref="AccountsSetup.Scheme"/>): the bearer token or the cookie, whichever the
/// request carries, then <see cref="SessionCheck"/>. The bearer handler has no validation event of its own, so a stale
/// token is failed here and the caller is answered 401 like one without a token.
/// </summary>
public sealed class CheckedSignInHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder, SessionCheck check)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Rantevou.Checked";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(AccountsSetup.SchemeFor(Context));
        if (result.Succeeded && !await check.IsCurrentAsync(result.Principal, Context.RequestAborted))
            return AuthenticateResult.Fail("The sign-in was revoked.");
        return result;
    }
}

/// <summary>
/// Hub connections outlive the request that opened them: each method call of a signed-in connection checks the sign-in
/// again, and a stale one is closed.
/// </summary>
public sealed class SessionHubFilter(SessionCheck check) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.Context.User is { Identity.IsAuthenticated: true } user && !await check.IsCurrentAsync(user, context.Context.ConnectionAborted))
        {
            context.Context.Abort();
            throw new HubException("Unauthorized");
        }
        return await next(context);
    }
}
