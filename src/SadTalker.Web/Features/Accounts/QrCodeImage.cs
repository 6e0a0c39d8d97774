using QRCoder;

namespace SadTalker.Web.Features.Accounts;

/// <summary>Renders an otpauth:// URI as a PNG data URI for authenticator apps to scan.</summary>
public static class QrCodeImage
{
    public static string ToPngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
