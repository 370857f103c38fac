using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Domain;

/// <summary>
/// The domain keeps a hash as an opaque, well-formed PHC-style string; what is inside is the hasher's business
/// (<c>Infrastructure/Argon2PhcStringTests</c>).
/// </summary>
public class PasswordHashTests
{
    [TestCase("$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc", "argon2id")]
    [TestCase("$argon2i$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc", "argon2i")]
    [TestCase("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "2b")]
    [TestCase("$scrypt-x", "scrypt-x")]
    public void FromEncoded_keeps_any_PHC_style_string_and_names_its_algorithm(string encoded, string algorithm)
    {
        var hash = PasswordHash.FromEncoded(encoded).Value;

        Assert.That((hash.Encoded, hash.Algorithm), Is.EqualTo((encoded, algorithm)));
    }

    [TestCase("correct horse battery")]
    [TestCase("argon2id$v=19$m=19456")]
    [TestCase("$")]
    [TestCase("$$v=19")]
    [TestCase("$Argon2id$v=19")]
    [TestCase("$argon2_id$v=19")]
    [TestCase("$argon2id$v=19$m=19456 t=2")]
    [TestCase("$argon2id$v=19$m=19456,t=2,p=1$AAAA\u00e9")]
    [TestCase("$argon2id$v=19$m=19456,t=2,p=1$AAAA\u007f")]
    [TestCase("$argon2id$v=19$m=19456,t=2,p=1$AAAA\n")]
    [TestCase("")]
    [TestCase(null)]
    public void FromEncoded_refuses_anything_but_printable_ASCII_starting_with_an_algorithm_identifier(string? value)
    {
        var refused = PasswordHash.FromEncoded(value);

        Assert.That(refused.IsSuccess, Is.False);
        Assert.That((refused.Error.Kind, refused.Error.Message), Is.EqualTo((ErrorKind.Validation, "Not an encoded password hash")));
    }

    [Test]
    public void FromEncoded_takes_up_to_MaxLength_characters()
    {
        var longest = "$argon2id$" + new string('A', PasswordHash.MaxLength - 10);

        Assert.That(PasswordHash.FromEncoded(longest).IsSuccess, Is.True);
        Assert.That(PasswordHash.FromEncoded(longest + "A").IsSuccess, Is.False);
    }

    [Test]
    public void The_algorithm_identifier_is_at_most_32_characters()
    {
        Assert.That(PasswordHash.FromEncoded("$" + new string('a', 32) + "$x").IsSuccess, Is.True);
        Assert.That(PasswordHash.FromEncoded("$" + new string('a', 33) + "$x").IsSuccess, Is.False);
    }

    [Test]
    public void The_printable_ASCII_range_is_accepted_from_end_to_end()
    {
        Assert.That(PasswordHash.FromEncoded("$a-9$!~").IsSuccess, Is.True);
    }

    [Test]
    public void ToString_says_what_it_is_and_nothing_of_the_hash()
    {
        Assert.That(A.PasswordHash().ToString(), Is.EqualTo("PasswordHash(argon2id, redacted)"));
    }

    [Test]
    public void ToString_never_reveals_the_hash()
    {
        var hash = A.PasswordHash();

        Assert.That(hash.ToString(), Does.Not.Contain(hash.Encoded).And.Not.Contain("BwcH"));
    }
}
