using Rantevou.Contracts.Queue;

namespace Rantevou.Core.LiveDay;

/// <summary>Broadcasts a committed queue change to the office's screens (the hub implements it). Called only after the commit.</summary>
public interface IQueueEvents
{
    Task PublishAsync(int officeId, QueueEvent e);
}
