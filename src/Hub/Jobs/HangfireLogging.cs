using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Rantevou.Hub.Jobs;

/// <summary>
/// Hangfire logs through one process-wide provider, and its own points at the logger factory of the host that set it
/// last. A process can hold several hosts (the training office beside the office, the tests), and a host's factory is
/// disposed when the host stops: another host still starting would then die creating a Hangfire logger. One of these
/// is made per host; <see cref="Provider"/> lends the loggers of a host that is still running, and drops a message
/// only while none is.
/// </summary>
sealed class HangfireLogging : IDisposable
{
    static readonly Lock Gate = new();
    static readonly List<AspNetCoreLogProvider> Running = [];
    readonly AspNetCoreLogProvider own;

    public HangfireLogging(ILoggerFactory loggers)
    {
        own = new AspNetCoreLogProvider(loggers);
        lock (Gate)
            Running.Add(own);
    }

    public static ILogProvider Provider { get; } = new RunningHosts();

    /// <summary>
    /// The container disposes this before the logger factory it was made from (it disposes in the reverse order of
    /// creation), and a logger is only created under the same lock: no logger is ever asked of a disposed factory.
    /// </summary>
    public void Dispose()
    {
        lock (Gate)
            Running.Remove(own);
    }

    sealed class RunningHosts : ILogProvider, ILog
    {
        public ILog GetLogger(string name)
        {
            lock (Gate)
                return Running.Count == 0 ? this : Running[^1].GetLogger(name);
        }

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
