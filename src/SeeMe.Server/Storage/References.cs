namespace SeeMe.Server.Storage;

/// <summary>
/// The fields the store copies out of the JSON documents into the <c>refs</c> table, so that
/// queries follow them in SQL with an index (an item's annotations, the items of a split, the
/// annotations of a label) instead of reading a whole version. The documents stay as they are.
/// </summary>
public static class References
{
    /// <summary>An item's split membership: the internal list of its split ids (never on the wire).</summary>
    public const string ItemSplits = "_split_ids";

    public const string AnnotationItem = "item_id";
    public const string AnnotationLabel = "label_id";
    public const string AnnotationSplit = "split_id";

    /// <summary>Per document kind, its reference fields (a string id, or a list of ids).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>
    {
        [Kinds.Item] = [ItemSplits],
        [Kinds.Annotation] = [AnnotationItem, AnnotationLabel, AnnotationSplit],
    };
}
