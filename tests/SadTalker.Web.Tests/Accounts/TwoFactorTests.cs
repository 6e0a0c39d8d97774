using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Accounts;

/// <summary>TOTP two-factor end to end: QR code shown, code from the shared key accepted, then required at sign-in.</summary>
public sealed partial class TwoFactorTests : IDisposable
{
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Authenticator_IsEnabledWithAQrCode_AndThenRequiredAtSignIn()
    {
        using var client = IdentityForms.CreateClient(_factory);
        await IdentityForms.RegisterAsync(client, "totp@example.test");

        var page = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");
        Assert.Matches("<img class=\"totp-qr\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{200,}\"", WebUtility.HtmlDecode(page));
        Assert.Contains("otpauth://totp/SadTalker.Web:totp@example.test?secret=", WebUtility.HtmlDecode(page));
        var key = KeyRegex().Match(page).Groups[1].Value.Replace(" ", "").ToUpperInvariant();

        var enabled = await IdentityForms.PostFormAsync(client, "/Account/Manage/EnableAuthenticator", "send-code",
            new() { ["Input.Code"] = Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var confirmation = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("Your authenticator app has been verified.", confirmation);
        Assert.Contains("Recovery codes", confirmation);

        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.FindByEmailAsync("totp@example.test"))!.TwoFactorEnabled);
        }

        using var fresh = IdentityForms.CreateClient(_factory);
        var login = await IdentityForms.LoginAsync(fresh, "totp@example.test");
        Assert.Contains("Account/LoginWith2fa", login.Headers.Location!.OriginalString);
    }

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits) over an RFC 4648 base32 key, as authenticator apps compute it.</summary>
    private static string Totp(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (code % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("<kbd>([a-z0-9 ]+)</kbd>")]
    private static partial Regex KeyRegex();
}
