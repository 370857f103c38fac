using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Domain;

public class PasswordHashTests
{
    [Test]
    public void Create_encodes_a_standard_PHC_string()
    {
        var hash = A.PasswordHash();

        Assert.That(hash.Encoded, Does.Match(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$"));
    }

    [Test]
    public void FromEncoded_reads_back_what_Create_wrote()
    {
        var original = A.PasswordHash();

        var parsed = PasswordHash.FromEncoded(original.Encoded).Value;

        Assert.That(parsed.Parameters, Is.EqualTo(original.Parameters));
        Assert.That(parsed.Salt.ToArray(), Is.EqualTo(original.Salt.ToArray()));
        Assert.That(parsed.Hash.ToArray(), Is.EqualTo(original.Hash.ToArray()));
    }

    [TestCase("correct horse battery")]
    [TestCase("$argon2i$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc")]
    [TestCase("$argon2id$v=19$m=19456,t=2$AAAAAAAAAAAAAAAAAAAAAA$BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc")]
    [TestCase("$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$")]
    [TestCase("")]
    public void FromEncoded_refuses_anything_but_an_argon2id_PHC_string(string value)
    {
        Assert.That(PasswordHash.FromEncoded(value).IsSuccess, Is.False);
    }

    [Test]
    public void ToString_never_reveals_the_hash()
    {
        var hash = A.PasswordHash();

        Assert.That(hash.ToString(), Does.Not.Contain(hash.Encoded).And.Not.Contain("BwcH"));
    }
}
