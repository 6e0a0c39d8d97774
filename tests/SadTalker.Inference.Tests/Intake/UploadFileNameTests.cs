using SadTalker.Inference.Intake;

namespace SadTalker.Inference.Tests.Intake;

public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("portrait.jpg", "portrait.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("C:\\Users\\me\\Pictures\\Me at the beach.png", "Me at the beach.png")]
    [InlineData("/var/tmp/../x.wav", "x.wav")]
    [InlineData("na\0me\r\n\t.png", "name.png")]
    [InlineData("bell\u0007\u007f\u0085.mp3", "bell.mp3")]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.exe")] // right-to-left override removed: no disguised extension
    [InlineData("zero\u200Bwidth.png", "zerowidth.png")]
    [InlineData("line\u2028break.png", "linebreak.png")]
    [InlineData("what?: \"quotes\" <and> |pipes|*.png", "what__ _quotes_ _and_ _pipes__.png")]
    [InlineData("  spaced and dotted. ", "spaced and dotted")]
    [InlineData("Cafe\u0301.jpg", "Caf\u00e9.jpg")] // NFC
    [InlineData("emoji \uD83D\uDE00.png", "emoji \uD83D\uDE00.png")]
    public void Sanitize_ProducesSafeDisplayName(string input, string expected) =>
        Assert.Equal(expected, UploadFileName.Sanitize(input));

    [Fact]
    public void Sanitize_UnpairedSurrogate_IsDropped()
    {
        // Built at run time: attribute arguments cannot carry a lone surrogate (it becomes U+FFFD in metadata).
        var input = "lonely " + '\uD83D' + " high.png" + '\uDE00';

        Assert.Equal("lonely  high.png", UploadFileName.Sanitize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("..")]
    [InlineData("photos/")]
    [InlineData("../")]
    [InlineData("\0\r\n")]
    [InlineData("\u202E\u200B")]
    public void Sanitize_NothingUsable_IsNameInvalid(string? input)
    {
        var ex = Assert.Throws<IntakeException>(() => UploadFileName.Sanitize(input));

        Assert.Equal("file.name_invalid", ex.Code);
    }

    [Fact]
    public void Sanitize_LongName_KeepsExtensionWithinTheLimit()
    {
        var result = UploadFileName.Sanitize(new string('a', 500) + ".jpeg");

        Assert.Equal(UploadFileName.MaxLength, result.Length);
        Assert.EndsWith("a.jpeg", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_LongNameOfSurrogatePairs_NeverSplitsOne()
    {
        var result = UploadFileName.Sanitize(string.Concat(Enumerable.Repeat("\uD83D\uDE00", 150)));

        Assert.True(result.Length <= UploadFileName.MaxLength);
        Assert.False(char.IsHighSurrogate(result[^1]), "ends with half a pair");
        Assert.Equal(0, result.Length % 2);
    }
}
