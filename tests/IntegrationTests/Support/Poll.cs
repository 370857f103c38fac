namespace DoubleDibz.IntegrationTests.Support;

/// <summary>Waits for a condition by polling it, with a generous deadline: no sleeps as synchronisation.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Mailbox.Deadline);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(until), "condition not met in time");
            await Task.Delay(50);
        }
    }
}
