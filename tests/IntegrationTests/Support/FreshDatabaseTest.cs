namespace DoubleDibz.IntegrationTests.Support;

/// <summary>For tests that start and stop hosts themselves: a new SQLite file per test, deleted afterwards.</summary>
public abstract class FreshDatabaseTest
{
    protected string Database { get; private set; } = null!;

    [SetUp]
    public void NewDatabase() => Database = ApiHost.NewDatabaseFile();

    [TearDown]
    public void DeleteDatabase()
    {
        ApiHost.DeleteDatabase(Database);
        if (Directory.Exists(Database + "-mail"))
        {
            Directory.Delete(Database + "-mail", recursive: true); // the hosts' default pickup folder
        }
    }
}
