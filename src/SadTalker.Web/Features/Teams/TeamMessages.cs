namespace SadTalker.Web.Features.Teams;

/// <summary>Messages several team actions share, so the same situation always reads the same.</summary>
internal static class TeamMessages
{
    /// <summary>Said both for a missing team and for someone else's: the answer must not reveal which.</summary>
    public const string TeamNotFound = "That team does not exist or you are not a member of it.";

    public const string MemberNotFound = "That person is not a member of this team.";

    public static string OwnersOnly(string action) => $"Only owners of this team can {action}.";

    public static string LastOwner(string who, string team) =>
        $"{who} is the last owner of {team}. Make another member an owner first.";

    public static string PersonalOwner(string email) =>
        $"This is {email}'s personal team: they always stay its owner.";
}
