using DoubleDibz.Infrastructure;

namespace DoubleDibz.UnitTests.Infrastructure;

public class SqliteConnectionTests
{
    [Test]
    public void With_no_configuration_the_database_is_a_file_under_the_content_roots_App_Data()
    {
        var root = Path.Combine(Path.GetTempPath(), "dd-root-" + Guid.NewGuid().ToString("N"));
        try
        {
            var connectionString = DependencyInjection.ResolveSqlite(null, root);

            Assert.That(connectionString, Is.EqualTo($"Data Source={Path.Combine(root, "App_Data", "doubledibz.db")}"));
            Assert.That(Directory.Exists(Path.Combine(root, "App_Data")), Is.True);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void An_absolute_path_is_kept()
    {
        var file = Path.Combine(Path.GetTempPath(), "dd-abs.db");

        Assert.That(DependencyInjection.ResolveSqlite($"Data Source={file}", "/elsewhere"), Is.EqualTo($"Data Source={file}"));
    }
}
