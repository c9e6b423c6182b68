using Rantevou.Contracts.Queue;

namespace Rantevou.Core.LiveDay;

/// <summary>
/// Tells the office's screens of a committed queue change (the hub implements it). Called only after the commit, with
/// the change's events in order; it does not wait for the screens and never throws: the change is committed by now.
/// </summary>
public interface IQueueEvents
{
    void Publish(int officeId, IReadOnlyList<QueueEvent> events);
}
