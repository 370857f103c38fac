using DoubleDibz.Application.Account;
using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DoubleDibz.UnitTests.Account;

public class PasswordCheckTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly User _sam = A.User(id: 7);
    private PasswordCheck _check = null!;

    [SetUp]
    public void SetUp()
    {
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.Succeeded);
        _hasher.Setup(h => h.VerifyAsync("not the password", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.Failed);
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _check = A.PasswordCheck(_hasher.Object, _attempts.Object, _audit, _clock);
    }

    private Task<Result<Mediator.Unit>> Verify(string password) =>
        _check.VerifyAsync(_sam, password, "TheField", "That is not it", CancellationToken.None);

    [Test]
    public async Task The_right_password_passes()
    {
        var result = await Verify("correct horse battery");

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public async Task The_right_password_whose_hash_is_due_for_an_upgrade_passes()
    {
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.SucceededRehashNeeded);

        var result = await Verify("correct horse battery");

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public async Task A_check_counts_a_login_attempt_of_the_account()
    {
        await Verify("correct horse battery");

        _attempts.Verify(a => a.TryCountAsync(LoginAttemptKey.ForUser(7), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_check_counts_the_attempt_before_checking_the_password()
    {
        var order = new List<string>();
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("count")).ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _hasher.Setup(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<PasswordHash?>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("verify")).ReturnsAsync(PasswordVerification.Failed);

        await Verify("not the password");

        Assert.That(order, Is.EqualTo(new[] { "count", "verify" }));
    }

    [Test]
    public async Task The_right_password_clears_the_accounts_count()
    {
        await Verify("correct horse battery");

        _attempts.Verify(a => a.ClearAsync(LoginAttemptKey.ForUser(7), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task The_right_password_records_nothing()
    {
        await Verify("correct horse battery");

        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task A_wrong_password_returns_a_validation_error_under_the_given_field_with_the_given_message()
    {
        var result = await Verify("not the password");

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(result.Error.Fields, Is.EqualTo(new Dictionary<string, IReadOnlyList<string>> { ["TheField"] = ["That is not it"] }));
    }

    [Test]
    public async Task A_wrong_password_clears_nothing()
    {
        await Verify("not the password");

        _attempts.Verify(a => a.ClearAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_wrong_password_records_LoginFailed_WrongPassword_and_nothing_else()
    {
        await Verify("not the password");

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoginFailed(LoginFailureReason.WrongPassword, 7) }));
    }

    [Test]
    public async Task A_wrong_password_that_starts_a_lock_records_LoginFailed_then_BackoffStarted_with_its_length()
    {
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(5, DateTimeOffset.MaxValue));

        await Verify("not the password");

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[]
        {
            new AuditEvent.LoginFailed(LoginFailureReason.WrongPassword, 7),
            new AuditEvent.BackoffStarted(7, 30),
        }));
    }

    [Test]
    public async Task The_right_password_that_reached_the_lock_count_passes_and_records_nothing()
    {
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(5, DateTimeOffset.MaxValue));

        var result = await Verify("correct horse battery");

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task A_check_for_an_account_in_back_off_returns_TooManyAttempts_with_the_time_left()
    {
        LockAccount(until: _clock.GetUtcNow().AddMinutes(1));

        var result = await Verify("correct horse battery");

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.TooManyAttempts));
        Assert.That(result.Error.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(result.Error.Message, Is.EqualTo(AuthErrors.TooManyAttempts(TimeSpan.FromMinutes(1)).Message));
    }

    [Test]
    public async Task A_check_for_an_account_in_back_off_neither_checks_the_password_nor_clears_the_count()
    {
        LockAccount(until: _clock.GetUtcNow().AddMinutes(1));

        await Verify("correct horse battery");

        _hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<PasswordHash?>(), It.IsAny<CancellationToken>()), Times.Never);
        _attempts.Verify(a => a.ClearAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_check_for_an_account_in_back_off_records_LoginFailed_BackedOff_and_nothing_else()
    {
        LockAccount(until: _clock.GetUtcNow().AddMinutes(1));

        await Verify("correct horse battery");

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoginFailed(LoginFailureReason.BackedOff, 7) }));
    }

    private void LockAccount(DateTimeOffset until)
    {
        var key = LoginAttemptKey.ForUser(7);
        _attempts.Setup(a => a.TryCountAsync(key, It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CountedAttempt?)null);
        _attempts.Setup(a => a.FindLockedUntilAsync(key, It.IsAny<CancellationToken>())).ReturnsAsync(until);
    }
}
