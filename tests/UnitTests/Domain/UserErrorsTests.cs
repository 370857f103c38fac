using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;

namespace DoubleDibz.UnitTests.Domain;

public class UserErrorsTests
{
    [Test]
    public void A_taken_user_name_is_a_conflict_with_the_originals_message()
    {
        Assert.That((UserErrors.UserNameTaken.Kind, UserErrors.UserNameTaken.Message), Is.EqualTo((ErrorKind.Conflict, "This username is already taken!")));
    }

    [Test]
    public void A_taken_email_is_a_conflict_with_the_originals_message()
    {
        Assert.That((UserErrors.EmailTaken.Kind, UserErrors.EmailTaken.Message), Is.EqualTo((ErrorKind.Conflict, "This email is already taken!")));
    }
}
