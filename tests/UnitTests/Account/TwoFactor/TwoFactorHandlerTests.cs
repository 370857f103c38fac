using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.Application.Account.TwoFactor.DisableTwoFactor;
using DoubleDibz.Application.Account.TwoFactor.EnableTwoFactor;
using DoubleDibz.Application.Account.TwoFactor.RegenerateRecoveryCodes;
using DoubleDibz.Application.Account.TwoFactor.SetupTwoFactor;
using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Account.TwoFactor;

/// <summary>The account's two-factor use cases, each handler a plain class over mocked ports.</summary>
public class TwoFactorHandlerTests
{
    private const string Password = "correct horse battery";

    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly TwoFactorFakes _fakes = new();
    private readonly User _sam = A.User(id: 7);
    private readonly CurrentSession _requester = A.Session(userId: 7);

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _hasher.Setup(h => h.VerifyAsync(It.IsAny<string>(), _sam.PasswordHash, It.IsAny<CancellationToken>())).ReturnsAsync(PasswordVerification.Failed);
        _hasher.Setup(h => h.VerifyAsync(Password, _sam.PasswordHash, It.IsAny<CancellationToken>())).ReturnsAsync(PasswordVerification.Succeeded);
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
    }

    private static Dictionary<string, IReadOnlyList<string>> Field(string name, string message) => new() { [name] = [message] };

    private SetupTwoFactorHandler Setup() => new(_users.Object, A.PasswordCheck(_hasher.Object, _attempts.Object, _audit), _fakes.Codes.Object, _fakes.Secrets.Object, _fakes.QrCodes.Object, _audit);

    private EnableTwoFactorHandler Enable() => new(_users.Object, _fakes.Check, _fakes.RecoveryCodes, _audit);

    private DisableTwoFactorHandler Disable() => new(_users.Object, A.PasswordCheck(_hasher.Object, _attempts.Object, _audit), A.SecondFactorBackoff(_attempts.Object, _audit), _fakes.Check, _audit);

    private RegenerateRecoveryCodesHandler Regenerate() => new(_users.Object, A.PasswordCheck(_hasher.Object, _attempts.Object, _audit), _fakes.RecoveryCodes, _audit);

    // Setup

    [Test]
    public async Task Setup_returns_the_secret_its_uri_and_the_qr_code_of_the_uri()
    {
        var result = await Setup().Handle(new SetupTwoFactorCommand(Password, _requester), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(new TwoFactorSetup("SECRET", "otpauth://totp/DoubleDibz:spchuang?secret=SECRET", "<svg/>")));
        _fakes.QrCodes.Verify(q => q.Svg("otpauth://totp/DoubleDibz:spchuang?secret=SECRET"));
    }

    [Test]
    public async Task Setup_stores_only_the_protected_secret()
    {
        await Setup().Handle(new SetupTwoFactorCommand(Password, _requester), CancellationToken.None);

        Assert.That((_sam.TwoFactorSecret, _sam.TwoFactorEnabled), Is.EqualTo(("protected(SECRET)", false)));
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.TwoFactorSetUp(7) }));
    }

    [Test]
    public async Task Setup_with_a_wrong_password_is_422_under_password_and_counts_as_a_failed_login()
    {
        var result = await Setup().Handle(new SetupTwoFactorCommand("wrong", _requester), CancellationToken.None);

        Assert.That(result.Error.Fields, Is.EqualTo(Field("Password", "Password is incorrect")));
        Assert.That(_sam.TwoFactorSecret, Is.Null);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoginFailed(LoginFailureReason.WrongPassword, 7) }));
    }

    [Test]
    public async Task Setup_while_enabled_is_a_conflict_and_checks_no_password()
    {
        TwoFactorFakes.Enable(_sam);

        var result = await Setup().Handle(new SetupTwoFactorCommand(Password, _requester), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.TwoFactorAlreadyOn));
        _hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<PasswordHash>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Setup_for_an_account_deleted_meanwhile_is_401()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync((User?)null);

        var result = await Setup().Handle(new SetupTwoFactorCommand(Password, _requester), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
    }

    // Enable

    [Test]
    public async Task Enable_with_the_right_code_turns_it_on_and_answers_ten_codes_stored_as_hashes()
    {
        _sam.BeginTwoFactorSetup("protected(SECRET)");

        var result = await Enable().Handle(new EnableTwoFactorCommand(TwoFactorFakes.RightCode, _requester), CancellationToken.None);

        Assert.That(result.Value.RecoveryCodes, Has.Count.EqualTo(10));
        Assert.That((_sam.TwoFactorEnabled, _sam.TwoFactorLastStep), Is.EqualTo((true, TwoFactorFakes.RightStep)));
        Assert.That(_sam.RecoveryCodeHashes, Is.EqualTo(result.Value.RecoveryCodes.Select(c => TwoFactorFakes.RecoveryHash(7, c.Replace("-", "", StringComparison.Ordinal)))));
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.TwoFactorEnabled(7) }));
    }

    [Test]
    public async Task Enable_with_a_wrong_code_is_422_under_code_and_stays_off()
    {
        _sam.BeginTwoFactorSetup("protected(SECRET)");

        var result = await Enable().Handle(new EnableTwoFactorCommand("000000", _requester), CancellationToken.None);

        Assert.That(result.Error.Fields, Is.EqualTo(Field("Code", "The code is not valid")));
        Assert.That(_sam.TwoFactorEnabled, Is.False);
    }

    [Test]
    public async Task Enable_without_setup_is_a_conflict()
    {
        var result = await Enable().Handle(new EnableTwoFactorCommand(TwoFactorFakes.RightCode, _requester), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.TwoFactorNotSetUp));
    }

    [Test]
    public async Task Enable_when_already_on_is_a_conflict()
    {
        TwoFactorFakes.Enable(_sam);

        var result = await Enable().Handle(new EnableTwoFactorCommand(TwoFactorFakes.RightCode, _requester), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.TwoFactorAlreadyOn));
    }

    [Test]
    public async Task Enable_for_an_account_deleted_meanwhile_is_401()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync((User?)null);

        var result = await Enable().Handle(new EnableTwoFactorCommand(TwoFactorFakes.RightCode, _requester), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
    }

    // Disable

    [Test]
    public async Task Disable_with_password_and_code_turns_it_off()
    {
        TwoFactorFakes.Enable(_sam);

        var result = await Disable().Handle(new DisableTwoFactorCommand(Password, TwoFactorFakes.RightCode, _requester), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(_sam.TwoFactorEnabled, Is.False);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.TwoFactorDisabled(7, ByAdmin: false) }));
    }

    [Test]
    public async Task Disable_with_a_recovery_code_turns_it_off_and_records_its_use()
    {
        TwoFactorFakes.Enable(_sam, recoveryCodes: ["ABCDEFGHJK", "KJHGFEDCBA"]);

        var result = await Disable().Handle(new DisableTwoFactorCommand(Password, "abcde-fghjk", _requester), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.RecoveryCodeUsed(7, 1), new AuditEvent.TwoFactorDisabled(7, ByAdmin: false) }));
    }

    [Test]
    public async Task Disable_with_a_wrong_code_is_422_under_code_and_keeps_it_on()
    {
        TwoFactorFakes.Enable(_sam);

        var result = await Disable().Handle(new DisableTwoFactorCommand(Password, "000000", _requester), CancellationToken.None);

        Assert.That(result.Error.Fields, Is.EqualTo(Field("Code", "The code is not valid")));
        Assert.That(_sam.TwoFactorEnabled, Is.True);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.SecondFactorFailed(7, SecondFactorFailureReason.WrongCode) }));
    }

    [Test]
    public async Task Disable_with_a_wrong_password_checks_no_code()
    {
        TwoFactorFakes.Enable(_sam);

        var result = await Disable().Handle(new DisableTwoFactorCommand("wrong", TwoFactorFakes.RightCode, _requester), CancellationToken.None);

        Assert.That(result.Error.Fields, Is.EqualTo(Field("Password", "Password is incorrect")));
        _fakes.Codes.Verify(c => c.MatchStep(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>()), Times.Never);
    }

    [Test]
    public async Task Disable_in_back_off_is_429_and_checks_no_code()
    {
        TwoFactorFakes.Enable(_sam);
        _attempts.SetupSequence(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch))
            .ReturnsAsync((CountedAttempt?)null);
        _attempts.Setup(a => a.FindLockedUntilAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>())).ReturnsAsync(DateTimeOffset.UtcNow.AddSeconds(30));

        var result = await Disable().Handle(new DisableTwoFactorCommand(Password, TwoFactorFakes.RightCode, _requester), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.TooManyAttempts));
        Assert.That(_sam.TwoFactorEnabled, Is.True);
    }

    [Test]
    public async Task Disable_when_off_is_a_conflict()
    {
        var result = await Disable().Handle(new DisableTwoFactorCommand(Password, TwoFactorFakes.RightCode, _requester), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.TwoFactorNotOn));
    }

    [Test]
    public async Task Disable_for_an_account_deleted_meanwhile_is_401()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync((User?)null);

        var result = await Disable().Handle(new DisableTwoFactorCommand(Password, TwoFactorFakes.RightCode, _requester), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
    }

    // Regenerate

    [Test]
    public async Task Regenerate_replaces_the_set()
    {
        TwoFactorFakes.Enable(_sam, recoveryCodes: "ABCDEFGHJK");

        var result = await Regenerate().Handle(new RegenerateRecoveryCodesCommand(Password, _requester), CancellationToken.None);

        Assert.That(result.Value.RecoveryCodes, Has.Count.EqualTo(10));
        Assert.That(_sam.RecoveryCodeHashes, Has.Count.EqualTo(10).And.No.Member(TwoFactorFakes.RecoveryHash(7, "ABCDEFGHJK")));
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.RecoveryCodesReplaced(7) }));
    }

    [Test]
    public async Task Regenerate_with_a_wrong_password_keeps_the_old_set()
    {
        TwoFactorFakes.Enable(_sam, recoveryCodes: "ABCDEFGHJK");

        var result = await Regenerate().Handle(new RegenerateRecoveryCodesCommand("wrong", _requester), CancellationToken.None);

        Assert.That(result.Error.Fields, Is.EqualTo(Field("Password", "Password is incorrect")));
        Assert.That(_sam.RecoveryCodeHashes, Is.EqualTo(new[] { TwoFactorFakes.RecoveryHash(7, "ABCDEFGHJK") }));
    }

    [Test]
    public async Task Regenerate_when_off_is_a_conflict()
    {
        var result = await Regenerate().Handle(new RegenerateRecoveryCodesCommand(Password, _requester), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.TwoFactorNotOn));
    }

    [Test]
    public async Task Regenerate_for_an_account_deleted_meanwhile_is_401()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync((User?)null);

        var result = await Regenerate().Handle(new RegenerateRecoveryCodesCommand(Password, _requester), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
    }
}
