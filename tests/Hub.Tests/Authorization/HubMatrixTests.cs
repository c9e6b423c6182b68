using System.Reflection;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Rantevou.Contracts.Queue;
using Rantevou.Hub.Queue;

namespace Rantevou.Hub.Tests.Authorization;

/// <summary>
/// QueueHub's public methods against <see cref="AccessTable.HubMethods"/>: every method has a line, its attributes
/// enforce it, and a real SignalR client invokes each one anonymously and as an agent, a clerk and an admin.
/// </summary>
public sealed class HubMatrixTests(MatrixOffice office) : IClassFixture<MatrixOffice>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>The methods clients can invoke: public instance methods of QueueHub itself, not Hub's lifecycle overrides.</summary>
    static List<MethodInfo> HubMethods() => typeof(QueueHub)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(QueueHub))
        .ToList();

    [Fact]
    public void EveryHubMethod_HasALineInTheTable_AndEveryLineAMethod()
    {
        var found = HubMethods().Select(m => m.Name).ToList();
        var declared = AccessTable.HubMethods.Select(h => h.Method).ToList();
        Assert.True(found.Except(declared).ToList() is [], "QueueHub methods without a line in AccessTable.HubMethods: " + string.Join(", ", found.Except(declared)));
        Assert.True(declared.Except(found).ToList() is [], "AccessTable.HubMethods lines QueueHub does not have: " + string.Join(", ", declared.Except(found)));
        // The typed interface is what clients compile against: each of its methods must be on the hub and in the table.
        Assert.Subset(found.ToHashSet(), typeof(IQueueHub).GetMethods().Select(m => m.Name).ToHashSet());
    }

    [Fact]
    public async Task EveryHubMethod_AttributesAdmitExactlyTheDeclaredCallers()
    {
        var wrong = new List<string>();
        foreach (var method in HubMethods())
        {
            var access = AccessTable.HubMethods.Single(h => h.Method == method.Name).Access;
            // SignalR combines the hub class's attributes with the method's, as here.
            object[] metadata = [.. typeof(QueueHub).GetCustomAttributes(inherit: true), .. method.GetCustomAttributes(inherit: true)];
            var admits = await EndpointInventory.AdmitsAsync(office.App.Services, metadata);
            if (!admits.SetEquals(EndpointInventory.Expected(access)))
                wrong.Add($"{method.Name} declared {access}: attributes admit [{string.Join(", ", admits.Order())}]");
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task EveryHubMethod_ForEveryIdentity_RefusesWhoIsNotAllowed()
    {
        var failures = new List<string>();
        foreach (var who in office.Identities.Where(i => i.Name is "anonymous" or "agent A" or "clerk" or "admin"))
        {
            await using var connection = await ConnectAsync(who.Bearer);
            foreach (var method in HubMethods())
            {
                var access = AccessTable.HubMethods.Single(h => h.Method == method.Name).Access;
                var args = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? office.DeskId : p.ParameterType == typeof(long) ? 0L : (object?)null).ToArray();
                string? refused = null;
                try
                {
                    await connection.InvokeCoreAsync(method.Name, typeof(object), args).WaitAsync(Wait);
                }
                catch (HubException e)
                {
                    refused = e.Message;
                }
                var unauthorized = refused?.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) == true;
                // A HubException the method throws on purpose (e.g. "DeskBusy") reaches the client as
                // "An unexpected error occurred … HubException: DeskBusy"; anything else unexpected is a crash.
                if (refused?.Contains("unexpected error", StringComparison.OrdinalIgnoreCase) == true && !refused.Contains("HubException: ", StringComparison.Ordinal))
                    failures.Add($"{method.Name} as {who}: server error: {refused}");
                else if (Probe.Allowed(access, who) && unauthorized)
                    failures.Add($"{method.Name} as {who}: refused though {access} allows it");
                else if (!Probe.Allowed(access, who) && !unauthorized)
                    failures.Add($"{method.Name} as {who}: {access} only, but answered {(refused is null ? "successfully" : refused)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    async Task<HubConnection> ConnectAsync(string? bearer)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(office.App.Server.BaseAddress, HubPaths.Queue), o =>
            {
                o.HttpMessageHandlerFactory = _ => office.App.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (bearer is not null)
                    o.AccessTokenProvider = () => Task.FromResult<string?>(bearer);
            })
            .Build();
        await connection.StartAsync().WaitAsync(Wait);
        return connection;
    }
}
