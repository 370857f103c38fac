namespace DoubleDibz.Application.Common.Ports;

/// <summary>QR codes drawn on the server (no outside service sees the secret they carry).</summary>
public interface IQrCodes
{
    /// <summary>A QR code of <paramref name="text"/> as an SVG document.</summary>
    string Svg(string text);
}
