using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Site;

public class SiteTests : ApiTest
{
    [TestCase("/")]
    [TestCase("/login")]
    [TestCase("/some/deep/link")]
    [TestCase("/u/john.doe")]
    public async Task Non_api_paths_serve_the_app_page_with_a_csrf_meta_tag(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(response.Body, Does.Match("""<meta name="csrf-token" content="[A-Za-z0-9_-]{20,}">"""));
    }

    [Test]
    public async Task A_post_to_a_page_path_gets_405()
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/login"));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Healthz_is_200_while_the_process_is_up()
    {
        Assert.That((await Client.GetAsync("/healthz")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Readyz_is_200_when_the_database_answers()
    {
        Assert.That((await Client.GetAsync("/readyz")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Readyz_is_503_while_the_database_cannot_answer_and_200_again_once_it_can()
    {
        using var host = new ApiHost();
        using var client = host.NewClient();

        DatabaseProbe.Execute(host.DatabaseFile, "ALTER TABLE Users RENAME TO UsersAway");
        var broken = await client.GetAsync("/readyz");
        DatabaseProbe.Execute(host.DatabaseFile, "ALTER TABLE UsersAway RENAME TO Users");
        var repaired = await client.GetAsync("/readyz");

        Assert.That(broken.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(broken.Body, Is.EqualTo("Unhealthy"));
        Assert.That(repaired.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/healthz")).Status, Is.EqualTo(HttpStatusCode.OK), "liveness does not depend on the database");
    }

    [Test]
    public async Task The_openapi_document_describes_every_auth_and_account_endpoint()
    {
        var response = await Client.GetAsync("/openapi/v1.json");

        var paths = response.Json.GetProperty("paths").EnumerateObject().Select(p => p.Name);
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/auth/csrf", "/api/auth/signup", "/api/auth/login", "/api/auth/logout", "/api/auth/verify_auth",
            "/api/auth/password/change", "/api/account", "/api/account/sessions", "/api/account/sessions/{id}",
        }));
    }
}
