using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests;

/// <summary>Stops the run's shared smtp4dev (the whole process tree) when every test is done.</summary>
[SetUpFixture]
public sealed class Smtp4devRun
{
    [OneTimeTearDown]
    public async Task StopSharedServer()
    {
        if (Smtp4dev.SharedStarted)
        {
            (await Smtp4dev.Shared).Dispose();
        }
    }
}
