using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Accounts;

namespace Rantevou.Hub.Tests.Authorization;

/// <summary>One endpoint the running app maps, keyed as the access table keys it, with what its metadata admits.</summary>
public sealed record MappedEndpoint(string Method, string Pattern, bool StaticAsset, IReadOnlySet<string> Admits)
{
    public string Key => $"{Method} {Pattern}";
}

/// <summary>
/// Reads the endpoints from the app's own <see cref="EndpointDataSource"/> (minimal APIs, pages, hub, OpenAPI, health,
/// static assets) and evaluates each one's authorization metadata against sample principals, so the test checks what
/// the metadata really enforces rather than how it is spelled (policy name, roles, or a policy object).
/// </summary>
public static class EndpointInventory
{
    public const string Anonymous = "anonymous";
    public const string SignedInWithoutRole = "no-role";

    /// <summary>The principals whose admission describes an endpoint: <see cref="Anonymous"/>, no role, and each role.</summary>
    static readonly string[] Principals = [Anonymous, SignedInWithoutRole, .. Roles.All];

    public static async Task<List<MappedEndpoint>> ReadAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var found = new List<MappedEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var admits = await AdmitsAsync([.. endpoint.Metadata], policies, authorization);
            var pattern = Normalise(endpoint.RoutePattern.RawText ?? "");
            // Static assets carry their file's descriptor; their names change with every fingerprint, so the table names none.
            var staticAsset = endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["*"];
            found.AddRange(methods.Select(method => new MappedEndpoint(method, pattern, staticAsset, admits)));
        }
        return found.DistinctBy(e => e.Key).ToList();
    }

    /// <summary>The principals the authorization metadata (of an endpoint, or the attributes of a hub method) lets through.</summary>
    public static Task<IReadOnlySet<string>> AdmitsAsync(IServiceProvider services, IReadOnlyList<object> metadata) =>
        AdmitsAsync(metadata, services.GetRequiredService<IAuthorizationPolicyProvider>(), services.GetRequiredService<IAuthorizationService>());

    static async Task<IReadOnlySet<string>> AdmitsAsync(IReadOnlyList<object> metadata, IAuthorizationPolicyProvider provider, IAuthorizationService authorization)
    {
        var policy = await AuthorizationPolicy.CombineAsync(provider, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>());
        if (policy is null || metadata.OfType<IAllowAnonymous>().Any())
            return Principals.ToHashSet();
        var admitted = new HashSet<string>();
        foreach (var who in Principals)
            if ((await authorization.AuthorizeAsync(Principal(who), null, policy)).Succeeded)
                admitted.Add(who);
        return admitted;
    }

    static ClaimsPrincipal Principal(string who) => who switch
    {
        Anonymous => new ClaimsPrincipal(new ClaimsIdentity()),
        SignedInWithoutRole => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, who)], "test")),
        _ => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, who), new Claim(ClaimTypes.Role, who)], "test")),
    };

    /// <summary>What the metadata of an endpoint declared with <paramref name="access"/> must admit, exactly.</summary>
    public static IReadOnlySet<string> Expected(Access access) => access switch
    {
        Access.Public or Access.TokenHolder or Access.Kiosk => Principals.ToHashSet(),
        Access.Staff => new HashSet<string> { Roles.Clerk, Roles.Admin },
        // The inventory's admin principal carries no office claim, so the directorate's policy admits it.
        Access.Admin or Access.Directorate => new HashSet<string> { Roles.Admin },
        Access.Agent => new HashSet<string> { Roles.Agent },
        Access.Account => new HashSet<string> { Roles.Clerk, Roles.Admin, Roles.Agent },
        _ => throw new ArgumentOutOfRangeException(nameof(access)),
    };

    public static string Normalise(string raw)
    {
        var path = "/" + raw.Trim('/');
        return path;
    }
}
