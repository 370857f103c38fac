using DoubleDibz.Domain.Common;
using DoubleDibz.Infrastructure.Passwords;

namespace DoubleDibz.UnitTests.Infrastructure;

public class Argon2PhcStringTests
{
    private const string Salt16 = "AAAAAAAAAAAAAAAAAAAAAA"; // 16 zero bytes
    private const string Hash32 = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc"; // 32 bytes of 7

    private static string Phc(string parameters = "m=19456,t=2,p=1", string salt = Salt16, string hash = Hash32) =>
        $"$argon2id$v=19${parameters}${salt}${hash}";

    private static string Base64(int bytes) => Convert.ToBase64String(Enumerable.Repeat((byte)0xA5, bytes).ToArray()).TrimEnd('=');

    private static Argon2PhcString Standard() =>
        Argon2PhcString.Create(new Argon2Parameters(19456, 2, 1), new byte[16], Enumerable.Repeat((byte)7, 32).ToArray());

    [Test]
    public void Create_encodes_a_standard_PHC_string()
    {
        var hash = Standard();

        Assert.That(hash.Encoded, Does.Match(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$"));
    }

    [Test]
    public void Parse_reads_back_what_Create_wrote()
    {
        var original = Standard();

        var parsed = Argon2PhcString.Parse(original.Encoded).Value;

        Assert.That(parsed.Parameters, Is.EqualTo(original.Parameters));
        Assert.That(parsed.Salt.ToArray(), Is.EqualTo(original.Salt.ToArray()));
        Assert.That(parsed.Hash.ToArray(), Is.EqualTo(original.Hash.ToArray()));
    }

    [TestCase("correct horse battery")]
    [TestCase("$argon2i$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc")]
    [TestCase("$argon2id$v=19$m=19456,t=2$AAAAAAAAAAAAAAAAAAAAAA$BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc")]
    [TestCase("$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$")]
    [TestCase("")]
    public void Parse_refuses_anything_but_an_argon2id_PHC_string(string value)
    {
        Assert.That(Argon2PhcString.Parse(value).IsSuccess, Is.False);
    }

    [Test]
    public void Parse_keeps_the_string_and_reads_the_parameters_in_any_order()
    {
        var text = Phc("p=1,t=3,m=65536");

        var hash = Argon2PhcString.Parse(text).Value;

        Assert.That((hash.Encoded, hash.Parameters), Is.EqualTo((text, new Argon2Parameters(65536, 3, 1))));
    }

    [TestCase(8, 16)]
    [TestCase(12, 16)]
    [TestCase(16, 32)]
    [TestCase(17, 33)]
    public void Parse_reads_back_unpadded_base64_of_any_length_from_8_salt_and_16_hash_bytes(int saltBytes, int hashBytes)
    {
        var parsed = Argon2PhcString.Parse(Phc(salt: Base64(saltBytes), hash: Base64(hashBytes))).Value;

        Assert.That((parsed.Salt.Length, parsed.Hash.Length), Is.EqualTo((saltBytes, hashBytes)));
        Assert.That(parsed.Salt.ToArray(), Has.All.EqualTo((byte)0xA5));
    }

    [TestCase(7, 32)]
    [TestCase(16, 15)]
    public void Parse_refuses_a_salt_under_8_or_a_hash_under_16_bytes(int saltBytes, int hashBytes)
    {
        Assert.That(Argon2PhcString.Parse(Phc(salt: Base64(saltBytes), hash: Base64(hashBytes))).IsSuccess, Is.False);
    }

    [TestCase("m=0,t=2,p=1")]
    [TestCase("m=19456,t=-2,p=1")]
    [TestCase("m=19456,t=+2,p=1")]
    [TestCase("m=19456,t=two,p=1")]
    [TestCase("m=19456,t=2=3,p=1")]
    [TestCase("m=19456,t,p=1")]
    [TestCase("m=19456,t=2,p=1,x=4")]
    [TestCase("m=19456,m=2,p=1")]
    [TestCase("m=19456,t=2,q=1")]
    [TestCase("x=19456,t=2,p=1")]
    [TestCase("m=19456,x=2,p=1")]
    public void Parse_refuses_parameters_other_than_positive_m_t_and_p(string parameters)
    {
        Assert.That(Argon2PhcString.Parse(Phc(parameters)).IsSuccess, Is.False);
    }

    [TestCase(Salt16 + "==")]
    [TestCase("")]
    [TestCase("AAAA*AAAAAAAAAAAAAAAAA")]
    [TestCase("A")]
    public void Parse_refuses_a_salt_that_is_not_unpadded_base64(string salt)
    {
        Assert.That(Argon2PhcString.Parse(Phc(salt: salt)).IsSuccess, Is.False);
    }

    [Test]
    public void Parse_refuses_a_string_with_more_parts()
    {
        Assert.That(Argon2PhcString.Parse(Phc() + "$" + Hash32).IsSuccess, Is.False);
    }

    [Test]
    public void Parse_refuses_null_with_the_same_message_as_any_other_malformed_string()
    {
        var refused = Argon2PhcString.Parse(null).Error;

        Assert.That((refused.Kind, refused.Message), Is.EqualTo((ErrorKind.Validation, "Not an Argon2id PHC string")));
    }

    [Test]
    public void Create_keeps_the_parameters_salt_and_hash_it_was_given()
    {
        var hash = Argon2PhcString.Create(new Argon2Parameters(1024, 4, 2), Enumerable.Repeat((byte)1, 16).ToArray(), Enumerable.Repeat((byte)2, 32).ToArray());

        Assert.That(hash.Parameters, Is.EqualTo(new Argon2Parameters(1024, 4, 2)));
        Assert.That(hash.Salt.ToArray(), Is.EqualTo(Enumerable.Repeat((byte)1, 16)));
        Assert.That(hash.Hash.ToArray(), Is.EqualTo(Enumerable.Repeat((byte)2, 32)));
        Assert.That(hash.Encoded, Is.EqualTo("$argon2id$v=19$m=1024,t=4,p=2$AQEBAQEBAQEBAQEBAQEBAQ$AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI"));
    }

    [Test]
    public void The_domain_value_holds_the_same_string()
    {
        var phc = Standard();

        var hash = phc.ToPasswordHash();

        Assert.That((hash.Encoded, hash.Algorithm), Is.EqualTo((phc.Encoded, "argon2id")));
    }

    [Test]
    public void ToString_never_reveals_the_hash()
    {
        var hash = Standard();

        Assert.That(hash.ToString(), Does.Not.Contain(hash.Encoded).And.Not.Contain("BwcH"));
    }
}
