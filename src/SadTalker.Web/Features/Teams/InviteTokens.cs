using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// Invite link tokens: 32 random bytes in URL-safe base64 (43 characters). Only their SHA-256 is stored, so the
/// database alone cannot be used to join a team.
/// </summary>
internal static partial class InviteTokens
{
    private const int TokenBytes = 32;
    private const int TokenLength = 43;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Rejects anything that cannot be one of our tokens before it reaches the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The invite page's path relative to the app's base address: <c>invite/{token}</c>.</summary>
    public static string LinkPath(string token) => "invite/" + token;

    /// <summary>
    /// The token when a login return URL (absolute or relative) points at an invite page, so the login page can
    /// offer registration with the invite; otherwise null.
    /// </summary>
    public static string? FromReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !Uri.TryCreate(returnUrl, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : returnUrl.Split('?', '#')[0];
        var match = InvitePath().Match(path);
        return match.Success && IsWellFormed(match.Groups[1].Value) ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("(?:^|/)invite/([A-Za-z0-9_-]+)/?$")]
    private static partial Regex InvitePath();
}
