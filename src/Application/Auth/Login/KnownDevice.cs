namespace DoubleDibz.Application.Auth.Login;

/// <summary>
/// A browser that has signed in to <see cref="UserId"/> before, as its signed device cookie says. Its attempts at
/// that account are counted on their own, so an attacker's failures elsewhere do not lock the owner out
/// (OWASP, "Slow Down Online Guessing Attacks with Device Cookies").
/// </summary>
public sealed record KnownDevice(int UserId, Guid DeviceId);
