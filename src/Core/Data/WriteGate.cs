using Microsoft.EntityFrameworkCore;

namespace Rantevou.Core.Data;

/// <summary>
/// SQLite lets one writer in at a time. A second BEGIN IMMEDIATE gets SQLITE_BUSY, and Microsoft.Data.Sqlite answers that
/// by blocking the thread for 150 ms before trying again, so under a burst of bookings most of the time went to sleeping
/// threads while the lock stood free. The process is the database's only writer (the embedded default), so its writers
/// queue here, asynchronously and in order, and each finds the lock free when its turn comes. The busy retry stays as
/// the fallback for anything outside the gate. SQL Server has row locks and needs no gate.
/// </summary>
public sealed class WriteGate
{
    readonly Lock sync = new();
    readonly Queue<TaskCompletionSource> ahead = new(), behind = new();
    bool held;

    /// <summary>
    /// Waits for the turn to write; dispose the answer when the write transaction is over (committed or not).
    /// <paramref name="ahead"/>: a short write that goes before the queued ones. The outbox marks each mail sent in a
    /// write of its own (R2); behind a burst of bookings each mark waited for the whole queue, and the mail of a booking
    /// made in the burst went out only after it, when its hold could have run out.
    /// </summary>
    public async ValueTask<IDisposable> EnterAsync(RantevouDbContext db, CancellationToken ct, bool ahead = false)
    {
        if (!db.Database.IsSqlite())
            return Turn.None;
        TaskCompletionSource waiter;
        lock (sync)
        {
            if (!held)
            {
                held = true;
                return new Turn(this);
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (ahead ? this.ahead : behind).Enqueue(waiter);
        }
        // Cancelled while queued, the waiter stays in the queue and is passed over; granted first, the turn is ours.
        await using (ct.Register(() => waiter.TrySetCanceled(ct)))
            await waiter.Task;
        return new Turn(this);
    }

    void Release()
    {
        lock (sync)
        {
            while (ahead.TryDequeue(out var next) || behind.TryDequeue(out next))
                if (next.TrySetResult())
                    return;
            held = false;
        }
    }

    sealed class Turn(WriteGate? gate) : IDisposable
    {
        public static readonly Turn None = new(null);
        WriteGate? held = gate;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
