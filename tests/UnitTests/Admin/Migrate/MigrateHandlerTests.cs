using DoubleDibz.Application.Admin.Migrate;
using DoubleDibz.Application.Common.Ports;
using Moq;

namespace DoubleDibz.UnitTests.Admin.Migrate;

public class MigrateHandlerTests
{
    [Test]
    public async Task Migrate_applies_the_pending_migrations_and_returns_their_names()
    {
        var schema = new Mock<IDatabaseSchema>();
        schema.Setup(s => s.MigrateAsync(It.IsAny<CancellationToken>())).ReturnsAsync(["Initial", "Sessions"]);

        var applied = await new MigrateHandler(schema.Object).Handle(new MigrateCommand(), CancellationToken.None);

        Assert.That(applied, Is.EqualTo(new[] { "Initial", "Sessions" }));
    }
}
