using System.Text;
using DoubleDibz.Application.Admin.CreateUser;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.InitDb;

/// <summary>
/// Creates the schema. A database that already holds users is only wiped with <see cref="Force"/>. With
/// <see cref="SampleUser"/>, adds the original tutorial's account spchuang / test@gmail.com, with
/// <see cref="SamplePassword"/> or a generated one.
/// </summary>
public sealed record InitDbCommand(bool Force, bool SampleUser, string? SamplePassword) : ICommand<Result<InitDbOutcome>>
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Force = ").Append(Force).Append(", SampleUser = ").Append(SampleUser).Append(", SamplePassword = [redacted]");
        return true;
    }
}

/// <param name="WipedUsers">How many accounts <c>--force</c> deleted.</param>
/// <param name="Sample">The sample account, when asked for.</param>
public sealed record InitDbOutcome(IReadOnlyList<string> AppliedMigrations, int WipedUsers, CreatedUser? Sample);
