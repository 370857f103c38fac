namespace DoubleDibz.Application.Common.Sessions;

/// <summary>
/// A live session found for a token. <see cref="RenewedCookie"/> is set when a remember-me session's idle window
/// was just extended, so the cookie's own expiry can move with it; otherwise it is null.
/// </summary>
public sealed record ActiveSession(CurrentSession Session, IssuedSession? RenewedCookie);
