using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Accounts;

public static class AccountsSetup
{
    /// <summary>Bearer for programs and cookies for pages; one scheme picks whichever the request carries.</summary>
    public const string Scheme = "Rantevou";

    /// <summary>How long an invitation or a reset link works. An invitee whose link expired asks for a reset link.</summary>
    public static readonly TimeSpan PasswordLinkLifespan = TimeSpan.FromHours(3);

    public static IHostApplicationBuilder AddRantevouAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Keys live in the database, so cookies and tokens survive restarts and work on every node. With a certificate
        // they are stored encrypted, and so is the key of booking links (SecretStore): a copy of the database (a backup)
        // then carries nothing that signs a sign-in or a booking link.
        var dataProtection = services.AddDataProtection().SetApplicationName("Rantevou").PersistKeysToDbContext<RantevouDbContext>();
        if (KeyCertificate.Load(builder.Configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            services.AddSingleton(new SecretSeal(certificate));
        }

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 9;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = SignInThrottle.AccountWideLockout;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RantevouDbContext>()
            .AddUserManager<RantevouUserManager>()
            .AddSignInManager<RantevouSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<OfficeClaimsFactory>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, Scheme, o =>
            {
                o.ForwardDefaultSelector = SchemeFor;
                // Authentication goes through the session check (revoked tokens and cookies are refused).
                o.ForwardAuthenticate = CheckedSignInHandler.Name;
            })
            .AddScheme<AuthenticationSchemeOptions, CheckedSignInHandler>(CheckedSignInHandler.Name, null)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(10);
                // Browsers cannot set headers on WebSockets: the hub accepts the token in the query string.
                o.Events.OnMessageReceived = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query["access_token"] is { Count: > 0 } token)
                        ctx.Token = token;
                    return Task.CompletedTask;
                };
            })
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.Cookie.Name = "rantevou.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // The API answers 401/403 instead of redirecting to a login page.
                o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
                // A cookie of a disabled, locked-out or re-stamped account is refused on its next request.
                o.Events.OnValidatePrincipal = Sessions.ValidateCookieAsync;
            });
        // Bearer tokens get the same check (SessionCheck) through CheckedSignInHandler, as do the hub's method calls.
        services.AddMemoryCache();
        services.AddSingleton<SessionCheck>();
        services.Configure<HubOptions>(o => o.AddFilter<SessionHubFilter>());
        services.AddSingleton<SessionHubFilter>();

        services.AddAuthorizationBuilder()
            // An administrator acts as staff too (any desk, citizens' documents): with the second factor when it is required.
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Clerk, Roles.Admin).AddRequirements(new AdminTwoFactorRequirement()))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin).AddRequirements(new AdminTwoFactorRequirement()))
            .AddPolicy(Policies.Directorate, p => p.RequireRole(Roles.Admin).RequireAssertion(c => c.User.OfficeOf() is null)
                .AddRequirements(new AdminTwoFactorRequirement()))
            .AddPolicy(Policies.Agent, p => p.RequireRole(Roles.Agent))
            .AddPolicy(Policies.Account, p => p.RequireRole(Roles.All));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AdminTwoFactorHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AdminTwoFactorResultHandler>();
        // A second factor for administrators: required in Production unless switched off, optional elsewhere.
        var production = builder.Environment.IsProduction();
        services.AddOptions<AccountOptions>().Configure(o => o.RequireAdminTwoFactor = production).BindConfiguration("Rantevou:Accounts");
        services.AddScoped<TwoFactor>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<AgentAccounts>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInCheck>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<PasswordLinks>();
        services.AddScoped<Core.Notifications.IAccountMail, Notifications.AccountMail>();
        // Invitation and reset links: one use (the stamp changes with the password) and short-lived.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordLinkLifespan);
        return builder;
    }

    /// <summary>The bearer token when the request carries one (a header, or the hub's query string), else the cookie.</summary>
    public static string SchemeFor(HttpContext ctx) =>
        ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query.ContainsKey("access_token"))
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;

    static Task Deny(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
