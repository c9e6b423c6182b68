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
public sealed class QueueHub(RantevouDbContext db, SnapshotService snapshots, DeskActions desks, LocalScreens screens)
    : Hub<IQueueClient>, IQueueHub
{
    public static string Group(int officeId) => $"office:{officeId}";

    static readonly object JoinedKey = new();

    /// <summary>The office this connection joined, under the name it asked for.</summary>
    sealed record Joined(string? Slug, int OfficeId);

    public async Task<QueueSnapshot> JoinOffice(string? office)
    {
        var found = await ResolveAsync(office);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(found.Id), Context.ConnectionAborted);
        screens.Joined(Context.ConnectionId, found.Id);
        Context.Items[JoinedKey] = new Joined(office, found.Id);
        return await snapshots.ForOfficeAsync(found, Context.ConnectionAborted);
    }

    public async Task<QueueSnapshot> GetSnapshot(string? office) =>
        await snapshots.ForOfficeAsync(await ResolveAsync(office), Context.ConnectionAborted);

    /// <summary>
    /// What screens ask after an event, a beat or the clock: the office's snapshot of this minute that this node already
    /// built for that version or a newer one, without touching the database; otherwise the same as <see cref="GetSnapshot"/>.
    /// The version is only a hint: a client asking for a version that does not exist yet gets the database's.
    /// </summary>
    public async Task<QueueSnapshot> GetSnapshotAtLeast(string? office, long version) =>
        Context.Items.TryGetValue(JoinedKey, out var j) && j is Joined joined && joined.Slug == office
        && snapshots.Cached(joined.OfficeId, version) is { } cached
            ? cached
            : await GetSnapshot(office);

    /// <summary>The same as <c>POST /api/desks/{deskId}/call-next</c>, for clerk screens that stay on the hub.</summary>
    [Authorize(Policy = Policies.Staff)]
    [Audited("desk.call-next")]
    public async Task<CalledPerson?> CallNext(int deskId)
    {
        // Only at a desk of the clerk's own office (OfficeScope) and assigned to them, as on the desk API.
        if (await Accounts.StaffScope.RefusalAsync(Context.User!, db, deskId, Context.ConnectionAborted) is { } refused)
            throw new HubException(refused);
        var outcome = await desks.CallNextAsync(deskId, Context.ConnectionAborted);
        if (!outcome.Ok)
            throw HubProblems.Refuse(outcome.Problem);
        return outcome.Value;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        screens.Left(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    async Task<Office> ResolveAsync(string? slug) =>
        await OfficeDirectory.ResolveAsync(db, slug, Context.ConnectionAborted) is { } office
            ? await OfficeLoader.LoadAsync(db, office.Id, Context.ConnectionAborted)
            : throw new HubException("OfficeUnknown");
}
