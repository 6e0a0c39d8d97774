namespace SadTalker.Web.Data;

/// <summary>How the submitter relates to the person in the portrait; Other needs a text.</summary>
public enum ConsentRelationship
{
    Self = 0,
    Colleague = 1,
    LicensedTalent = 2,
    Other = 3,
}
