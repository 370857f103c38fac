using DoubleDibz.Application.Common.Ports;
using Mediator;

namespace DoubleDibz.Application.Admin.Migrate;

/// <summary>Brings the schema up to date; the result lists the migrations applied.</summary>
public sealed record MigrateCommand : ICommand<IReadOnlyList<string>>;

public sealed class MigrateHandler(IDatabaseSchema schema) : ICommandHandler<MigrateCommand, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(MigrateCommand command, CancellationToken cancellationToken) =>
        await schema.MigrateAsync(cancellationToken);
}
