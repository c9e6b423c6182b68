using Rantevou.Core.Data;

namespace Rantevou.Hub.Tests.Data;

/// <summary>The one SQLite writer's queue (<see cref="WriteGate"/>): in order, the outbox's short writes first.</summary>
public sealed class WriteGateTests : SqliteDbTest
{
    [Fact]
    public async Task AWriteAhead_GoesBeforeTheQueuedOnes_WhichKeepTheirOrder()
    {
        var gate = new WriteGate();
        var order = new List<string>();
        var first = await gate.EnterAsync(Db, CancellationToken.None);
        var waiting = new[] { ("booking 1", false), ("booking 2", false), ("mail marked sent", true) }
            .Select(w => TakeTurnAsync(gate, w.Item1, w.Item2, order)).ToList();
        await Task.Delay(50);
        Assert.Empty(order);

        first.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal(["mail marked sent", "booking 1", "booking 2"], order);
    }

    [Fact]
    public async Task AWaiterThatGivesUp_IsPassedOver_AndTheNextGetsTheTurn()
    {
        var gate = new WriteGate();
        var first = await gate.EnterAsync(Db, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(Db, giveUp.Token, ahead: true).AsTask();
        var next = gate.EnterAsync(Db, CancellationToken.None).AsTask();

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(next.IsCompleted);
        first.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        // Free again: the next writer enters at once.
        Assert.True(gate.EnterAsync(Db, CancellationToken.None).IsCompletedSuccessfully);
    }

    async Task TakeTurnAsync(WriteGate gate, string name, bool ahead, List<string> order)
    {
        using var turn = await gate.EnterAsync(Db, CancellationToken.None, ahead);
        lock (order)
            order.Add(name);
    }
}
