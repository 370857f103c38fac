using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using DoubleDibz.Application.Auth.Login;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace DoubleDibz.WebApi.Security;

/// <summary>
/// The device cookie a successful login leaves: which account this browser signed in to, and a random device id,
/// protected (encrypted and signed) with the data-protection key ring and valid for
/// <see cref="CookieSettings.DeviceCookieLifetime"/>. A browser cannot forge one for another account, and a copy
/// only ever buys the device's own attempt budget, never a session.
/// </summary>
public sealed class DeviceCookie(IDataProtectionProvider dataProtection, IOptions<CookieSettings> settings, TimeProvider clock)
{
    private const int PayloadBytes = sizeof(int) + 16;

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("DoubleDibz.Device.v1").ToTimeLimitedDataProtector();
    private readonly CookieSettings _settings = settings.Value;

    public KnownDevice? Read(HttpContext context)
    {
        var cookie = context.Request.Cookies[_settings.DeviceCookie];
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 512)
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(Base64Url.DecodeFromChars(cookie), out _);
            return payload.Length == PayloadBytes
                ? new KnownDevice(BinaryPrimitives.ReadInt32LittleEndian(payload), new Guid(payload.AsSpan(sizeof(int))))
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null; // forged, expired, or from a key ring that is gone: just not a known device
        }
    }

    public void Write(HttpContext context, KnownDevice device)
    {
        var payload = new byte[PayloadBytes];
        BinaryPrimitives.WriteInt32LittleEndian(payload, device.UserId);
        device.DeviceId.TryWriteBytes(payload.AsSpan(sizeof(int)));
        var expires = clock.GetUtcNow() + _settings.DeviceCookieLifetime;
        var value = Base64Url.EncodeToString(_protector.Protect(payload, expires));
        context.Response.Cookies.Append(_settings.DeviceCookie, value, _settings.Options(context, expires, clock));
    }
}
