using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Mediator;
using Moq;

namespace DoubleDibz.UnitTests.Auth.Login;

public class LoginHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly Mock<IKeyedHasher> _keyedHasher = new();
    private readonly Mock<IPendingSignInStore> _pendingSignIns = new();
    private readonly User _sam = A.User();
    private LoginHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByLoginAsync("spchuang", It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.Succeeded);
        _sessions.Setup(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(A.IssuedSession());
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _keyedHasher.Setup(k => k.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string text, CancellationToken _) => $"keyed({text})");
        _handler = new LoginHandler(_users.Object, _hasher.Object, _sessions.Object,
            A.LoginThrottle(_attempts.Object), _keyedHasher.Object, _pendingSignIns.Object, _audit, A.Mapper(), A.AccountOptions());
    }

    [Test]
    public async Task Login_with_the_right_password_starts_a_session_and_returns_the_user()
    {
        var result = await _handler.Handle(A.Login(), CancellationToken.None);

        var loggedIn = (LoginOutcome.LoggedIn)result.Value;
        Assert.That(loggedIn.User.UserName, Is.EqualTo("spchuang"));
        Assert.That(loggedIn.Session, Is.EqualTo(A.IssuedSession()));
        _sessions.Verify(s => s.StartAsync(_sam.Id, false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_with_remember_me_starts_a_persistent_session()
    {
        await _handler.Handle(A.Login() with { RememberMe = true }, CancellationToken.None);

        _sessions.Verify(s => s.StartAsync(_sam.Id, true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_with_wrong_password_returns_WrongAuthentication()
    {
        var result = await _handler.Handle(A.Login() with { Password = "not the password" }, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
        _sessions.Verify(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_with_an_unknown_name_returns_the_same_error_as_a_wrong_password()
    {
        var result = await _handler.Handle(A.Login() with { Login = "nobody" }, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
    }

    [Test]
    public async Task Login_with_an_unknown_name_still_verifies_a_password_so_it_takes_as_long()
    {
        await _handler.Handle(A.Login() with { Login = "nobody" }, CancellationToken.None);

        _hasher.Verify(h => h.VerifyAsync("correct horse battery", null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_with_a_hash_made_under_old_parameters_stores_a_new_hash()
    {
        var upgraded = A.PasswordHash(memoryKiB: 65536, iterations: 3);
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.SucceededRehashNeeded);
        _hasher.Setup(h => h.HashAsync("correct horse battery", It.IsAny<CancellationToken>())).ReturnsAsync(upgraded);

        await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(_sam.PasswordHash, Is.SameAs(upgraded));
    }

    [Test]
    public async Task Login_with_a_current_hash_keeps_the_stored_hash()
    {
        var stored = _sam.PasswordHash;

        await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(_sam.PasswordHash, Is.SameAs(stored));
        _hasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_from_a_signed_in_session_returns_AlreadyLoggedIn_without_checking_a_password()
    {
        var result = await _handler.Handle(A.Login() with { Requester = A.Session() }, CancellationToken.None);

        Assert.That(result.Value, Is.TypeOf<LoginOutcome.AlreadyLoggedIn>());
        _hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<PasswordHash?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void The_command_never_prints_its_password()
    {
        Assert.That(A.Login().ToString(), Does.Not.Contain("correct horse battery"));
    }

    [Test]
    public async Task Login_for_an_account_in_back_off_returns_TooManyAttempts_without_checking_the_password()
    {
        LockKey(LoginAttemptKey.ForUser(_sam.Id), DateTimeOffset.UtcNow.AddMinutes(1));

        var result = await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.TooManyAttempts));
        Assert.That(result.Error.RetryAfter, Is.GreaterThan(TimeSpan.FromSeconds(50)).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
        _hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<PasswordHash?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_counts_the_attempt_for_the_account_before_checking_the_password()
    {
        var order = new List<string>();
        _attempts.Setup(a => a.TryCountAsync(LoginAttemptKey.ForUser(_sam.Id), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("count")).ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _hasher.Setup(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<PasswordHash?>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("verify")).ReturnsAsync(PasswordVerification.Failed);

        await _handler.Handle(A.Login() with { Password = "not the password" }, CancellationToken.None);

        Assert.That(order, Is.EqualTo(new[] { "count", "verify" }));
    }

    [Test]
    public async Task Login_with_an_unknown_name_counts_the_attempt_under_a_keyed_hash_of_the_name_in_upper_case()
    {
        await _handler.Handle(A.Login() with { Login = " Nobody " }, CancellationToken.None);

        _attempts.Verify(a => a.TryCountAsync(LoginAttemptKey.ForUnknownLogin("keyed(NOBODY)"), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_that_succeeds_clears_the_accounts_count()
    {
        await _handler.Handle(A.Login(), CancellationToken.None);

        _attempts.Verify(a => a.ClearAsync(LoginAttemptKey.ForUser(_sam.Id), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_with_wrong_password_clears_nothing()
    {
        await _handler.Handle(A.Login() with { Password = "not the password" }, CancellationToken.None);

        _attempts.Verify(a => a.ClearAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_from_a_known_device_is_counted_for_the_device_and_not_held_by_the_accounts_lock()
    {
        var device = new KnownDevice(_sam.Id, Guid.NewGuid());
        LockKey(LoginAttemptKey.ForUser(_sam.Id), DateTimeOffset.UtcNow.AddMinutes(10));

        var result = await _handler.Handle(A.Login() with { Device = device }, CancellationToken.None);

        Assert.That(result.Value, Is.TypeOf<LoginOutcome.LoggedIn>());
        _attempts.Verify(a => a.TryCountAsync(LoginAttemptKey.ForDevice(device.DeviceId), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_from_a_known_device_that_succeeds_clears_the_device_and_leaves_the_accounts_lock()
    {
        var device = new KnownDevice(_sam.Id, Guid.NewGuid());

        await _handler.Handle(A.Login() with { Device = device }, CancellationToken.None);

        _attempts.Verify(a => a.ClearAsync(LoginAttemptKey.ForDevice(device.DeviceId), It.IsAny<CancellationToken>()), Times.Once);
        _attempts.Verify(a => a.ClearAsync(LoginAttemptKey.ForUser(_sam.Id), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_from_a_device_known_for_another_account_is_counted_for_the_account()
    {
        var othersDevice = new KnownDevice(_sam.Id + 1, Guid.NewGuid());

        await _handler.Handle(A.Login() with { Device = othersDevice }, CancellationToken.None);

        _attempts.Verify(a => a.TryCountAsync(LoginAttemptKey.ForUser(_sam.Id), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_that_succeeds_keeps_the_known_device_or_names_a_new_one_for_the_account()
    {
        var device = new KnownDevice(_sam.Id, Guid.NewGuid());

        var known = (LoginOutcome.LoggedIn)(await _handler.Handle(A.Login() with { Device = device }, CancellationToken.None)).Value;
        var fresh = (LoginOutcome.LoggedIn)(await _handler.Handle(A.Login(), CancellationToken.None)).Value;

        Assert.That(known.Device, Is.EqualTo(device));
        Assert.That(fresh.Device.UserId, Is.EqualTo(_sam.Id));
        Assert.That(fresh.Device.DeviceId, Is.Not.EqualTo(device.DeviceId).And.Not.EqualTo(Guid.Empty));
    }

    [Test]
    public async Task Login_with_wrong_password_records_LoginFailed_WrongPassword_and_nothing_else()
    {
        await _handler.Handle(A.Login() with { Password = "not the password" }, CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoginFailed(LoginFailureReason.WrongPassword, _sam.Id) }));
    }

    [Test]
    public async Task Login_with_an_unknown_name_records_LoginFailed_UnknownLogin_without_a_user_and_nothing_else()
    {
        await _handler.Handle(A.Login() with { Login = "nobody" }, CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoginFailed(LoginFailureReason.UnknownLogin, null) }));
    }

    [Test]
    public async Task Login_with_the_right_password_records_LoggedIn_and_nothing_else()
    {
        await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoggedIn(_sam.Id) }));
    }

    [Test]
    public async Task Login_for_an_account_in_back_off_records_LoginFailed_BackedOff_and_nothing_else()
    {
        LockKey(LoginAttemptKey.ForUser(_sam.Id), DateTimeOffset.UtcNow.AddMinutes(1));

        await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoginFailed(LoginFailureReason.BackedOff, _sam.Id) }));
    }

    [Test]
    public async Task Login_for_an_unknown_name_in_back_off_records_LoginFailed_BackedOff_without_a_user()
    {
        LockKey(LoginAttemptKey.ForUnknownLogin("keyed(NOBODY)"), DateTimeOffset.UtcNow.AddMinutes(1));

        await _handler.Handle(A.Login() with { Login = "nobody" }, CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoginFailed(LoginFailureReason.BackedOff, null) }));
    }

    [Test]
    public async Task Login_for_an_account_in_back_off_answers_with_the_time_left_in_its_error()
    {
        var until = DateTimeOffset.UtcNow.AddMinutes(1);
        LockKey(LoginAttemptKey.ForUser(_sam.Id), until);

        var result = await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(result.Error.Message, Is.EqualTo(AuthErrors.TooManyAttempts(result.Error.RetryAfter!.Value).Message));
    }

    [Test]
    public async Task Login_with_wrong_password_that_starts_a_lock_records_LoginFailed_then_LoginBackoffStarted_with_its_length()
    {
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(5, DateTimeOffset.MaxValue));

        await _handler.Handle(A.Login() with { Password = "not the password" }, CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[]
        {
            new AuditEvent.LoginFailed(LoginFailureReason.WrongPassword, _sam.Id),
            new AuditEvent.BackoffStarted(_sam.Id, 30),
        }));
    }

    [Test]
    public async Task Login_with_an_unknown_name_that_starts_a_lock_records_LoginBackoffStarted_without_a_user()
    {
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(5, DateTimeOffset.MaxValue));

        await _handler.Handle(A.Login() with { Login = "nobody" }, CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[]
        {
            new AuditEvent.LoginFailed(LoginFailureReason.UnknownLogin, null),
            new AuditEvent.BackoffStarted(null, 30),
        }));
    }

    [Test]
    public async Task Login_with_the_right_password_that_reached_the_lock_count_records_only_LoggedIn()
    {
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(5, DateTimeOffset.MaxValue));

        await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoggedIn(_sam.Id) }));
    }

    [Test]
    public async Task Login_from_a_signed_in_session_records_nothing()
    {
        await _handler.Handle(A.Login() with { Requester = A.Session() }, CancellationToken.None);

        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task Login_with_surrounding_spaces_finds_the_account_by_the_trimmed_name()
    {
        var result = await _handler.Handle(A.Login() with { Login = "  spchuang " }, CancellationToken.None);

        Assert.That(result.Value, Is.TypeOf<LoginOutcome.LoggedIn>());
    }

    [Test]
    public void The_command_prints_its_login_and_remember_me_and_redacts_the_password()
    {
        var text = A.Login().ToString();

        Assert.That(text, Is.EqualTo("LoginCommand { Login = spchuang, Password = [redacted], RememberMe = False }"));
    }

    private void LockKey(LoginAttemptKey key, DateTimeOffset until)
    {
        _attempts.Setup(a => a.TryCountAsync(key, It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CountedAttempt?)null);
        _attempts.Setup(a => a.FindLockedUntilAsync(key, It.IsAny<CancellationToken>())).ReturnsAsync(until);
    }

    // Two-factor sign-in (issue 14).

    [Test]
    public async Task The_right_password_of_a_two_factor_user_opens_a_pending_sign_in_and_no_session()
    {
        A.WithTwoFactor(_sam);
        var pending = new IssuedPendingSignIn("pending-token", DateTimeOffset.UnixEpoch);
        _pendingSignIns.Setup(p => p.StartAsync(_sam.Id, true, LoginAttemptKey.ForUser(_sam.Id), It.IsAny<CancellationToken>())).ReturnsAsync(pending);

        var result = await _handler.Handle(A.Login() with { RememberMe = true }, CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(new LoginOutcome.TwoFactorRequired(pending)));
        _sessions.Verify(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.SecondFactorRequested(_sam.Id) }));
    }

    [Test]
    public async Task The_password_step_of_a_two_factor_user_leaves_the_attempt_counted()
    {
        A.WithTwoFactor(_sam);
        _pendingSignIns.Setup(p => p.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IssuedPendingSignIn("pending-token", DateTimeOffset.UnixEpoch));

        await _handler.Handle(A.Login(), CancellationToken.None);

        _attempts.Verify(a => a.ClearAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_wrong_password_of_a_two_factor_user_answers_like_any_wrong_password()
    {
        A.WithTwoFactor(_sam);

        var result = await _handler.Handle(A.Login() with { Password = "not the password" }, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
        _pendingSignIns.Verify(p => p.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task The_password_step_of_a_two_factor_user_still_upgrades_an_old_hash()
    {
        A.WithTwoFactor(_sam);
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.SucceededRehashNeeded);
        var upgraded = A.PasswordHash(memoryKiB: 65536);
        _hasher.Setup(h => h.HashAsync("correct horse battery", It.IsAny<CancellationToken>())).ReturnsAsync(upgraded);
        _pendingSignIns.Setup(p => p.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IssuedPendingSignIn("pending-token", DateTimeOffset.UnixEpoch));

        await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(_sam.PasswordHash, Is.EqualTo(upgraded));
    }

    [Test]
    public async Task Login_with_the_right_password_of_an_unconfirmed_account_is_refused_when_confirmation_is_required()
    {
        var handler = new LoginHandler(_users.Object, _hasher.Object, _sessions.Object,
            A.LoginThrottle(_attempts.Object), _keyedHasher.Object, _pendingSignIns.Object, _audit, A.Mapper(), A.AccountOptions(requireConfirmedEmail: true));

        var result = await handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.EmailNotConfirmed));
        _sessions.Verify(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_of_a_confirmed_account_succeeds_when_confirmation_is_required()
    {
        _sam.ConfirmEmail(DateTimeOffset.UnixEpoch);
        var handler = new LoginHandler(_users.Object, _hasher.Object, _sessions.Object,
            A.LoginThrottle(_attempts.Object), _keyedHasher.Object, _pendingSignIns.Object, _audit, A.Mapper(), A.AccountOptions(requireConfirmedEmail: true));

        var result = await handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(result.Value, Is.TypeOf<LoginOutcome.LoggedIn>());
    }
}
