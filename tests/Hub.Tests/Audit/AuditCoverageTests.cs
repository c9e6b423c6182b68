using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Audit;
using Rantevou.Hub.Queue;
using Rantevou.Hub.Tests.Authorization;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Audit;

/// <summary>
/// R12: the app's real endpoint list, read as the authorization matrix reads it. Every mutating endpoint, page handler
/// and hub method that only signed-in staff, agents or admins may call must be audited; a new one without
/// <c>.Audited(...)</c> or <c>[Audited]</c> fails here.
/// </summary>
public sealed class AuditCoverageTests : IAsyncLifetime
{
    static readonly string[] Mutating = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];
    readonly RantevouApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>Only signed-in callers with a role get through: neither anonymous nor a signed-in account without a role.</summary>
    static bool ForRolesOnly(IReadOnlySet<string> admits) =>
        !admits.Contains(EndpointInventory.Anonymous) && !admits.Contains(EndpointInventory.SignedInWithoutRole);

    [Fact]
    public async Task EveryMutatingStaffAgentOrAdminEndpoint_IsAudited()
    {
        var missing = new List<string>();
        var audited = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (!methods.Any(m => Mutating.Contains(m)) || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                continue;
            if (!ForRolesOnly(await EndpointInventory.AdmitsAsync(app.Services, [.. endpoint.Metadata])))
                continue;
            var key = $"{string.Join(',', methods)} {endpoint.RoutePattern.RawText}";
            (endpoint.Metadata.GetMetadata<AuditedAttribute>() is null ? missing : audited).Add(key);
        }
        Assert.True(missing.Count == 0, "Mutating staff/agent/admin endpoints without .Audited(\"...\") (R12):\n" + string.Join('\n', missing));
        // The check has something to check: the clerk's, the agent's and the admin's actions are all among them.
        Assert.Contains(audited, k => k.Contains("call-next", StringComparison.Ordinal));
        Assert.Contains(audited, k => k.Contains("/void", StringComparison.Ordinal));
        Assert.Contains(audited, k => k.Contains("api/agent/bookings", StringComparison.Ordinal));
        Assert.Contains(audited, k => k.Contains("api/admin/settings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryPostHandlerOfAStaffAgentOrAdminPage_IsAudited()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var missing = new List<string>();
        var audited = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
                continue;
            if (!ForRolesOnly(await EndpointInventory.AdmitsAsync(app.Services, [.. endpoint.Metadata])))
                continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods.Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
            {
                var key = $"{endpoint.RoutePattern.RawText} {handler.MethodInfo.Name}";
                (handler.MethodInfo.GetCustomAttribute<AuditedAttribute>() is null ? missing : audited).Add(key);
            }
        }
        Assert.True(missing.Count == 0, "Page handlers of staff/agent/admin pages without [Audited(\"...\")] (R12):\n" + string.Join('\n', missing));
        Assert.Contains(audited, k => k.StartsWith("admin/settings ", StringComparison.Ordinal));
        Assert.Contains(audited, k => k.StartsWith("agent ", StringComparison.Ordinal));
    }

    /// <summary>
    /// R12: the hub only reads. A clerk's action is an endpoint, audited like every other; a hub method for staff would
    /// never reach the audit log, since nothing records hub calls.
    /// </summary>
    [Fact]
    public async Task QueueHub_HasNoMethodForStaff_SoEveryClerkActionIsAnAuditedEndpoint()
    {
        var forStaff = new List<string>();
        var methods = typeof(QueueHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).ToList();
        foreach (var method in methods)
        {
            object[] metadata = [.. typeof(QueueHub).GetCustomAttributes(inherit: true), .. method.GetCustomAttributes(inherit: true)];
            if (ForRolesOnly(await EndpointInventory.AdmitsAsync(app.Services, metadata)))
                forStaff.Add(method.Name);
        }
        Assert.Contains(methods, m => m.Name == "JoinOffice");
        Assert.True(forStaff.Count == 0, "QueueHub methods for staff, not audited (R12): " + string.Join(", ", forStaff));
    }
}
