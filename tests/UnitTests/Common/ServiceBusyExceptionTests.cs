using DoubleDibz.Application.Common;

namespace DoubleDibz.UnitTests.Common;

public class ServiceBusyExceptionTests
{
    [Test]
    public void It_carries_its_message_and_how_long_to_wait()
    {
        var busy = new ServiceBusyException("hasher queue full", TimeSpan.FromSeconds(2));

        Assert.That((busy.Message, busy.RetryAfter), Is.EqualTo(("hasher queue full", TimeSpan.FromSeconds(2))));
    }
}
