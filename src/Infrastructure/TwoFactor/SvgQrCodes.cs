using DoubleDibz.Application.Common.Ports;
using QRCoder;

namespace DoubleDibz.Infrastructure.TwoFactor;

/// <summary>QR codes as SVG with QRCoder, drawn in-process: the secret in the otpauth URI never leaves the server.</summary>
public sealed class SvgQrCodes : IQrCodes
{
    public string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(6);
    }
}
