using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Auth.LoginSecondStep;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Microsoft.Extensions.Options;
using Moq;

namespace DoubleDibz.UnitTests.Auth.LoginSecondStep;

public class LoginSecondStepHandlerTests
{
    private const string Token = "pending-token";

    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IPendingSignInStore> _pending = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly TwoFactorFakes _fakes = new();
    private readonly User _sam = A.User(id: 7);
    private readonly Guid _pendingId = Guid.CreateVersion7();
    private LoginSecondStepHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        TwoFactorFakes.Enable(_sam, lastStep: 100, "ABCDEFGHJK");
        Admit(codesTried: 1, passwordStepKey: LoginAttemptKey.ForUser(7), rememberMe: true);
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _sessions.Setup(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(A.IssuedSession());
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _handler = new LoginSecondStepHandler(_pending.Object, _users.Object, A.SecondFactorBackoff(_attempts.Object, _audit), A.LoginThrottle(_attempts.Object), _fakes.Check, _sessions.Object, _audit, A.Mapper(),
            Options.Create(new TwoFactorOptions()));
    }

    private void Admit(int codesTried, LoginAttemptKey passwordStepKey, bool rememberMe = false) =>
        _pending.Setup(p => p.TryAdmitCodeAsync(Token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PendingSignIn(_pendingId, 7, rememberMe, passwordStepKey, codesTried));

    private static LoginSecondStepCommand WithCode(string code) => new(code, null, Token, Requester: null);

    private static LoginSecondStepCommand WithRecoveryCode(string code) => new(null, code, Token, Requester: null);

    [Test]
    public async Task The_right_code_starts_a_session_with_the_remember_me_of_the_password_step()
    {
        var result = await _handler.Handle(WithCode(TwoFactorFakes.RightCode), CancellationToken.None);

        var loggedIn = (LoginOutcome.LoggedIn)result.Value;
        Assert.That(loggedIn.User.UserName, Is.EqualTo("spchuang"));
        _sessions.Verify(s => s.StartAsync(7, true, It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoggedIn(7) }));
    }

    [Test]
    public async Task The_right_code_ends_the_pending_sign_in_and_clears_the_account_back_off()
    {
        await _handler.Handle(WithCode(TwoFactorFakes.RightCode), CancellationToken.None);

        _pending.Verify(p => p.End(_pendingId), Times.Once);
        _attempts.Verify(a => a.ClearAsync(LoginAttemptKey.ForUser(7), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task The_right_code_also_clears_the_device_key_the_password_step_counted_under()
    {
        var device = LoginAttemptKey.ForDevice(Guid.NewGuid());
        Admit(codesTried: 1, passwordStepKey: device);

        await _handler.Handle(WithCode(TwoFactorFakes.RightCode), CancellationToken.None);

        _attempts.Verify(a => a.ClearAsync(device, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task The_right_code_records_its_time_step()
    {
        await _handler.Handle(WithCode(TwoFactorFakes.RightCode), CancellationToken.None);

        Assert.That(_sam.TwoFactorLastStep, Is.EqualTo(TwoFactorFakes.RightStep));
    }

    [Test]
    public async Task A_recovery_code_signs_in_and_is_used_up()
    {
        var result = await _handler.Handle(WithRecoveryCode("abcde-fghjk"), CancellationToken.None);

        Assert.That(result.Value, Is.InstanceOf<LoginOutcome.LoggedIn>());
        Assert.That(_sam.RecoveryCodeHashes, Is.Empty);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.RecoveryCodeUsed(7, 0), new AuditEvent.LoggedIn(7) }));
    }

    [Test]
    public async Task A_wrong_code_is_422_under_code_and_starts_no_session()
    {
        var result = await _handler.Handle(WithCode("000000"), CancellationToken.None);

        Assert.That(result.Error.Fields["Code"], Is.EqualTo(new[] { "The code is not valid" }));
        _sessions.Verify(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.SecondFactorFailed(7, SecondFactorFailureReason.WrongCode) }));
    }

    [Test]
    public async Task A_wrong_code_leaves_the_account_back_off_counted()
    {
        await _handler.Handle(WithCode("000000"), CancellationToken.None);

        _attempts.Verify(a => a.TryCountAsync(LoginAttemptKey.ForUser(7), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Once);
        _attempts.Verify(a => a.ClearAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_wrong_recovery_code_is_422_under_recovery_code()
    {
        var result = await _handler.Handle(WithRecoveryCode("ZZZZZ-ZZZZZ"), CancellationToken.None);

        Assert.That(result.Error.Fields.Keys, Is.EqualTo(new[] { "RecoveryCode" }));
    }

    [Test]
    public async Task A_replayed_code_of_the_last_used_step_is_refused()
    {
        _sam.AcceptTimeStep(TwoFactorFakes.RightStep);

        var result = await _handler.Handle(WithCode(TwoFactorFakes.RightCode), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
    }

    [Test]
    public async Task The_fifth_wrong_code_ends_the_pending_sign_in()
    {
        Admit(codesTried: 5, passwordStepKey: LoginAttemptKey.ForUser(7));

        await _handler.Handle(WithCode("000000"), CancellationToken.None);

        _pending.Verify(p => p.EndNowAsync(_pendingId, It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_audit.Events, Does.Contain(new AuditEvent.PendingSignInEnded(7)));
    }

    [Test]
    public async Task A_wrong_code_before_the_fifth_keeps_the_pending_sign_in()
    {
        Admit(codesTried: 4, passwordStepKey: LoginAttemptKey.ForUser(7));

        await _handler.Handle(WithCode("000000"), CancellationToken.None);

        _pending.Verify(p => p.EndNowAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task No_pending_sign_in_is_401()
    {
        _pending.Setup(p => p.TryAdmitCodeAsync(Token, It.IsAny<CancellationToken>())).ReturnsAsync((PendingSignIn?)null);

        var result = await _handler.Handle(WithCode(TwoFactorFakes.RightCode), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
    }

    [Test]
    public async Task No_pending_cookie_is_401_without_a_lookup()
    {
        var result = await _handler.Handle(WithCode(TwoFactorFakes.RightCode) with { PendingToken = null }, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
        _pending.Verify(p => p.TryAdmitCodeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task In_back_off_the_code_is_not_checked_and_the_answer_is_429()
    {
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CountedAttempt?)null);
        _attempts.Setup(a => a.FindLockedUntilAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>())).ReturnsAsync(DateTimeOffset.UtcNow.AddSeconds(30));

        var result = await _handler.Handle(WithCode(TwoFactorFakes.RightCode), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.TooManyAttempts));
        Assert.That(_sam.TwoFactorLastStep, Is.EqualTo(100));
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.SecondFactorFailed(7, SecondFactorFailureReason.BackedOff) }));
    }

    [Test]
    public async Task Two_factor_turned_off_meanwhile_is_401()
    {
        _sam.DisableTwoFactor();

        var result = await _handler.Handle(WithCode(TwoFactorFakes.RightCode), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
    }

    [Test]
    public async Task Signed_in_already_answers_already_logged_in()
    {
        var result = await _handler.Handle(WithCode(TwoFactorFakes.RightCode) with { Requester = A.Session() }, CancellationToken.None);

        Assert.That(result.Value, Is.InstanceOf<LoginOutcome.AlreadyLoggedIn>());
    }

    [Test]
    public async Task A_known_device_of_the_user_is_kept()
    {
        var device = new KnownDevice(7, Guid.NewGuid());

        var result = await _handler.Handle(WithCode(TwoFactorFakes.RightCode) with { Device = device }, CancellationToken.None);

        Assert.That(((LoginOutcome.LoggedIn)result.Value).Device, Is.EqualTo(device));
    }
}
