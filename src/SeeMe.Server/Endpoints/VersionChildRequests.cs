using Microsoft.AspNetCore.Mvc;

namespace SeeMe.Server.Endpoints;

/// <summary>What every handler under one split or label of a version takes: the version's request and the child's id.</summary>
public abstract class VersionChildRequest : VersionRequest
{
    public abstract string ChildId { get; }
}

/// <summary>What every handler under <c>splits/{splitId}</c> (and <c>labels/splits/{splitId}</c>) takes.</summary>
public sealed class SplitRequest : VersionChildRequest
{
    public const string IdRoute = "{splitId}";

    [FromRoute] public string SplitId { get; init; } = "";

    public override string ChildId => SplitId;
}

/// <summary>What every handler under <c>labels/{labelId}</c> takes.</summary>
public sealed class LabelRequest : VersionChildRequest
{
    public const string IdRoute = "{labelId}";

    [FromRoute] public string LabelId { get; init; } = "";

    public override string ChildId => LabelId;
}
