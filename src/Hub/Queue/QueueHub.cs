using Microsoft.AspNetCore.SignalR;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;

namespace Rantevou.Hub.Queue;

/// <summary>
/// The live office day at <c>/hubs/queue</c>. Thin: displays, kiosks and live pages join their office's group and get
/// the snapshot; changes are pushed by <see cref="HubQueueEvents"/> after each commit. It only reads: clerks act through
/// the desk API (<see cref="DeskApi"/>), where every change is authorized, same-origin checked, audited and answered with a
/// ProblemDetails in one way for all.
/// </summary>
public sealed class QueueHub(RantevouDbContext db, SnapshotService snapshots, LocalScreens screens)
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
