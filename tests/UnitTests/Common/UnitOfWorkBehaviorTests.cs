using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Logout;
using DoubleDibz.Application.Auth.VerifyAuth;
using DoubleDibz.Application.Common.Behaviors;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Mediator;
using Moq;

namespace DoubleDibz.UnitTests.Common;

public class UnitOfWorkBehaviorTests
{
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly CommandNesting _nesting = new();
    private UnitOfWorkBehavior<LogoutCommand, Result<Unit>> _behavior = null!;

    [SetUp]
    public void SetUp()
    {
        _unitOfWork.Setup(u => u.CommitAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Result<Unit>.Success(Unit.Value));
        _behavior = new(_unitOfWork.Object, _nesting);
    }

    [Test]
    public async Task A_command_that_succeeds_is_committed_once()
    {
        await _behavior.Handle(new LogoutCommand(A.Session()), Succeeds, CancellationToken.None);

        _unitOfWork.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
        _unitOfWork.Verify(u => u.RollbackAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_command_that_fails_is_rolled_back_and_never_committed()
    {
        var result = await _behavior.Handle(new LogoutCommand(A.Session()), (_, _) => ValueTask.FromResult<Result<Unit>>(AuthErrors.NotAuthorized), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
        _unitOfWork.Verify(u => u.RollbackAsync(It.IsAny<CancellationToken>()), Times.Once);
        _unitOfWork.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_command_that_throws_is_rolled_back_and_the_exception_goes_on()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await _behavior.Handle(new LogoutCommand(A.Session()), (_, _) => throw new InvalidOperationException("bug"), CancellationToken.None));

        _unitOfWork.Verify(u => u.RollbackAsync(It.IsAny<CancellationToken>()), Times.Once);
        _unitOfWork.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_conflict_found_at_commit_is_the_commands_answer()
    {
        _unitOfWork.Setup(u => u.CommitAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Result<Unit>.Failure(UserErrors.UserNameTaken));

        var result = await _behavior.Handle(new LogoutCommand(A.Session()), Succeeds, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.UserNameTaken));
    }

    [Test]
    public async Task A_command_sent_from_inside_another_joins_its_unit_of_work()
    {
        await _behavior.Handle(new LogoutCommand(A.Session()), (m, ct) => _behavior.Handle(m, Succeeds, ct), CancellationToken.None);

        _unitOfWork.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_nesting.Depth, Is.Zero);
    }

    [Test]
    public async Task A_query_is_never_committed()
    {
        var behavior = new UnitOfWorkBehavior<VerifyAuthQuery, Result<UserDto>>(_unitOfWork.Object, _nesting);

        await behavior.Handle(new VerifyAuthQuery(A.Session()), (_, _) => ValueTask.FromResult<Result<UserDto>>(AuthErrors.NotAuthorized), CancellationToken.None);

        _unitOfWork.VerifyNoOtherCalls();
    }

    private static ValueTask<Result<Unit>> Succeeds(LogoutCommand command, CancellationToken ct) => ValueTask.FromResult(Result<Unit>.Success(Unit.Value));
}
