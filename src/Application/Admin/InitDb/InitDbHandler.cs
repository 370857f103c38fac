using DoubleDibz.Application.Admin.CreateUser;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.InitDb;

public sealed class InitDbHandler(IDatabaseSchema schema, IUserRepository users, ISender sender, IAuditLog audit)
    : ICommandHandler<InitDbCommand, Result<InitDbOutcome>>
{
    public static readonly CreateUserCommand SampleAccount = new("spchuang", "Sam", "Chuang", "test@gmail.com", Password: null, Role: "user");

    public async ValueTask<Result<InitDbOutcome>> Handle(InitDbCommand command, CancellationToken cancellationToken)
    {
        var applied = await schema.MigrateAsync(cancellationToken);

        var existing = await users.CountAsync(cancellationToken);
        if (existing > 0 && !command.Force)
        {
            return Error.Conflict($"The database already holds {existing} user(s); pass --force to delete them and start again.");
        }

        if (existing > 0)
        {
            await schema.WipeDataAsync(cancellationToken);
            audit.DataWiped(existing);
        }

        CreatedUser? sample = null;
        if (command.SampleUser)
        {
            // Through the create-user use case, so the sample account passes the same rules as any other.
            var created = await sender.Send(SampleAccount with { Password = command.SamplePassword }, cancellationToken);
            if (!created.IsSuccess)
            {
                return created.Error;
            }

            sample = created.Value;
        }

        return new InitDbOutcome(applied, existing, sample);
    }
}
