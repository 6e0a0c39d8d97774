namespace SadTalker.Web.Features.Consent;

/// <summary>The statements a submitter must tick. Change the wording only with a new version: stored rows keep the text they agreed to.</summary>
public static class ConsentAttestations
{
    public const string Version = "2026-11-21";

    public static readonly IReadOnlyDictionary<string, string> Wordings = new Dictionary<string, string>
    {
        ["authorized"] = "I am authorized to submit this consent",
        ["adult"] = "The subject is an adult",
        ["ai-disclosure"] = "The subject knows the output is AI-generated, watermarked and labelled",
    };
}
