using Hpnna.Core.Programs;

namespace Hpnna.Core.Tests;

public sealed class CodeMailboxTests
{
    [Fact]
    public void Nothing_is_taken_before_a_post()
    {
        var mailbox = new CodeMailbox(3);
        var destination = new double[] { 7, 7, 7 };

        Assert.False(mailbox.TryTake(destination));
        Assert.Equal([7.0, 7, 7], destination);
    }

    [Fact]
    public void The_newest_post_wins_and_is_taken_once()
    {
        var mailbox = new CodeMailbox(2);
        var destination = new double[2];

        mailbox.Post([1, 2]);
        mailbox.Post([3, 4]);

        Assert.True(mailbox.TryTake(destination));
        Assert.Equal([3.0, 4], destination);
        Assert.False(mailbox.TryTake(destination));
    }

    [Fact]
    public void Concurrent_writers_and_a_reader_never_see_a_torn_code()
    {
        const int length = 64;
        var mailbox = new CodeMailbox(length);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(1, 2).Select(id => new Thread(() =>
        {
            var code = new double[length];
            for (var version = 0; !stop.IsCancellationRequested; version++)
            {
                Array.Fill(code, id * 1_000_000 + version);
                mailbox.Post(code);
            }
        })).ToList();
        writers.ForEach(w => w.Start());

        var destination = new double[length];
        var taken = 0;
        var torn = 0;
        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (DateTime.UtcNow < deadline)
        {
            if (mailbox.TryTake(destination))
            {
                taken++;
                torn += destination.All(v => v == destination[0]) ? 0 : 1;
            }
        }

        stop.Cancel();
        writers.ForEach(w => w.Join());
        Assert.True(taken > 0);
        Assert.Equal(0, torn);
    }
}
