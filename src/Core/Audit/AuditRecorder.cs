using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rantevou.Core.Data;

namespace Rantevou.Core.Audit;

/// <summary>What one action amounts to, before it gets its time.</summary>
public sealed record AuditRecord(AuditActor Actor, string Action, string? Target, int Status, AuditOutcome Outcome, AuditChannel Channel, string? ClientIp,
    string? Reason = null);

/// <summary>
/// The one writer of the audit log (R12). It writes through its own scope and database context, so a failed action's
/// half-done changes are never saved with the entry, and it never throws: the action has already happened (or been
/// refused), and a broken log must not turn its answer into an error — the failure is logged instead.
/// </summary>
public sealed class AuditRecorder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditRecorder> log)
{
    public async Task RecordAsync(AuditRecord record)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                ActorId = Cut(record.Actor.Id, 450),
                ActorName = Cut(record.Actor.Name, 256),
                ActorRole = record.Actor.Role,
                Action = Cut(record.Action, 64),
                Target = record.Target is null ? null : Cut(record.Target, 128),
                Status = record.Status,
                Outcome = record.Outcome,
                Channel = record.Channel,
                ClientIp = record.ClientIp is null ? null : Cut(record.ClientIp, 45),
                Reason = record.Reason is null ? null : Cut(record.Reason, 64),
            });
            // Not the request's token: the entry is written even when the caller has gone away.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogError(e, "Audit entry not written: {Action} on {Target} by {Actor} ({Status})", record.Action, record.Target, record.Actor.Id, record.Status);
        }
    }

    public static AuditOutcome OutcomeOf(int status) => status switch
    {
        >= 500 => AuditOutcome.Failed,
        >= 400 => AuditOutcome.Refused,
        _ => AuditOutcome.Succeeded,
    };

    static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
