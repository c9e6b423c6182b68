using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;

namespace Rantevou.Bench.Fanout;

/// <summary>
/// POST /bench/broadcast with a captured <see cref="QueueChange"/> as JSON: publishes its event, under the posted
/// version, through the app's own <see cref="IQueueEvents"/> (HubQueueEvents: the office's snapshot, then one group
/// send), exactly what a committed call does after its database write. The baselines' trigger is the same POST of the
/// same JSON, which they send on as it is. Bench host only, never the product.
/// </summary>
public sealed class BroadcastTrigger : IStartupFilter
{
    static int officeId;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/bench/broadcast", b => b.Run(BroadcastAsync));
        app.Map("/bench/snapshots", b => b.Run(SnapshotsAsync));
        next(app);
    };

    /// <summary>GET /bench/snapshots: how many office-day snapshots this server has built (the screens bench reads it).</summary>
    static Task SnapshotsAsync(HttpContext http) =>
        http.Response.WriteAsJsonAsync(new { built = http.RequestServices.GetRequiredService<SnapshotCache>().Built }, http.RequestAborted);

    static async Task BroadcastAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var change = await http.Request.ReadFromJsonAsync<QueueChange>(http.RequestAborted);
        if (change is not { Events: [var e, ..] })
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (officeId == 0)
        {
            var db = http.RequestServices.GetRequiredService<RantevouDbContext>();
            officeId = await db.Offices.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(http.RequestAborted);
        }
        http.RequestServices.GetRequiredService<IQueueEvents>().Publish(officeId, [e with { Version = change.Version }]);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
