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
    readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Waits for the turn to write; dispose the answer when the write transaction is over (committed or not).</summary>
    public async ValueTask<IDisposable> EnterAsync(RantevouDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            return Turn.None;
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Turn None = new(null);
        SemaphoreSlim? held = gate;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
