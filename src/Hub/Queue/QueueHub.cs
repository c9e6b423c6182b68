using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;
using Rantevou.Hub.Audit;

namespace Rantevou.Hub.Queue;

/// <summary>
/// The live office day at <c>/hubs/queue</c>. Thin: displays, kiosks and live pages join their office's group and get
/// the snapshot; changes are pushed by <see cref="HubQueueEvents"/> after each commit. Clerk actions require a clerk.
/// </summary>
public sealed class QueueHub(RantevouDbContext db, SnapshotService snapshots, DeskActions desks) : Hub<IQueueClient>, IQueueHub
{
    public static string Group(int officeId) => $"office:{officeId}";

    public async Task<QueueSnapshot> JoinOffice(string? office)
    {
        var found = await ResolveAsync(office);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(found.Id), Context.ConnectionAborted);
        return await snapshots.ForOfficeAsync(found, Context.ConnectionAborted);
    }

    public async Task<QueueSnapshot> GetSnapshot(string? office) =>
        await snapshots.ForOfficeAsync(await ResolveAsync(office), Context.ConnectionAborted);

    /// <summary>The same as <c>POST /api/desks/{deskId}/call-next</c>, for clerk screens that stay on the hub.</summary>
    [Authorize(Policy = Policies.Staff)]
    [Audited("desk.call-next")]
    public async Task<CalledPerson?> CallNext(int deskId)
    {
        // Only at a desk of the clerk's own office (OfficeScope), as on the desk API.
        if (await Accounts.StaffScope.DeskOfficeAsync(db, deskId, Context.ConnectionAborted) is { } office && Context.User?.MayActIn(office) != true)
            throw new HubException("OtherOffice");
        var outcome = await desks.CallNextAsync(deskId, Context.ConnectionAborted);
        if (!outcome.Ok)
            throw HubProblems.Refuse(outcome.Problem!);
        return outcome.Value;
    }

    async Task<Office> ResolveAsync(string? slug) =>
        await OfficeDirectory.ResolveAsync(db, slug, Context.ConnectionAborted) is { } office
            ? await OfficeLoader.LoadAsync(db, office.Id, Context.ConnectionAborted)
            : throw new HubException("OfficeUnknown");
}

/// <summary>Pushes committed changes to the office's group (principle 1: only after the commit).</summary>
public sealed class HubQueueEvents(IHubContext<QueueHub, IQueueClient> hub) : IQueueEvents
{
    public Task PublishAsync(int officeId, QueueEvent e) => hub.Clients.Group(QueueHub.Group(officeId)).QueueChanged(e);
}
