using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Rantevou.Core.Audit;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Audit;

/// <summary>A hub method's refusal, carrying the status its HTTP twin would answer so the audit log reads the same for both (R12).</summary>
public static class HubProblems
{
    const string StatusKey = "rantevou.status";

    /// <summary>A plain <see cref="HubException"/> (clients see "HubException: {key}" as before) with the status attached.</summary>
    public static HubException Refuse(Problem problem)
    {
        var e = new HubException(problem.MessageKey);
        e.Data[StatusKey] = Problems.StatusOf(problem.Kind);
        return e;
    }

    public static int StatusOf(Exception e) => e switch
    {
        HubException when e.Data[StatusKey] is int status => status,
        HubException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>
/// R12: clerk actions made through the hub (QueueHub.CallNext) reach the audit log like their HTTP twins: a hub method
/// carrying <see cref="AuditedAttribute"/> is written with its actor, the desk it acted on and how it ended.
/// </summary>
public sealed class AuditHubFilter(AuditRecorder recorder) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var declared = context.HubMethod.GetCustomAttribute<AuditedAttribute>();
        var actor = declared is null ? null : AuditActor.From(context.Context.User);
        if (declared is null || actor is null)
            return await next(context);
        var target = TargetOf(context, declared);
        var ip = context.Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString();
        try
        {
            var result = await next(context);
            await recorder.RecordAsync(new AuditRecord(actor, declared.Action, target, StatusCodes.Status200OK, AuditOutcome.Succeeded, AuditChannel.Hub, ip));
            return result;
        }
        catch (Exception e)
        {
            var status = HubProblems.StatusOf(e);
            await recorder.RecordAsync(new AuditRecord(actor, declared.Action, target, status, AuditRecorder.OutcomeOf(status), AuditChannel.Hub, ip));
            throw;
        }
    }

    static string? TargetOf(HubInvocationContext context, AuditedAttribute declared)
    {
        var parameters = context.HubMethod.GetParameters();
        var names = declared.TargetFrom is { } named ? [named] : AuditedAttribute.TargetNames;
        foreach (var name in names)
            for (var i = 0; i < parameters.Length && i < context.HubMethodArguments.Count; i++)
                if (parameters[i].Name == name && context.HubMethodArguments[i]?.ToString() is { Length: > 0 } text)
                    return text;
        return null;
    }
}
