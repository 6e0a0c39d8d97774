using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>A team as one of its members sees it: with that member's role.</summary>
public sealed record TeamSummary(Guid Id, string Name, bool IsPersonal, TeamRole Role);
