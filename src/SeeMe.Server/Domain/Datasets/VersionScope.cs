using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// A dataset version addressed by a route (datasets/{ds}/versions/{dv}/...), resolved for the caller:
/// reads need the dataset visible (404 otherwise), writes need it owned (403 when only visible).
/// Looks up the version's children and checks that each belongs to this version (404 otherwise).
/// </summary>
public sealed class VersionScope
{
    private VersionScope(Store store, FileStore files, JsonObject dataset, JsonObject version)
    {
        Store = store;
        Files = files;
        Dataset = dataset;
        Version = version;
    }

    public Store Store { get; }
    public FileStore Files { get; }
    public JsonObject Dataset { get; }
    public JsonObject Version { get; }
    public string DatasetId => Dataset.Str("id");
    public string VersionId => Version.Str("id");
    public string OwnerId => Dataset.Str("user_id");

    public static VersionScope Read(Caller caller, Store store, FileStore files, string ds, string dv) =>
        Resolve(store, files, Access.Visible(store, caller, Kinds.Dataset, ds), dv);

    public static VersionScope Write(Caller caller, Store store, FileStore files, string ds, string dv) =>
        Resolve(store, files, Access.Owned(store, caller, Kinds.Dataset, ds), dv);

    /// <summary>A scope for a version already known to belong to <paramref name="dataset"/>.</summary>
    public static VersionScope Of(Store store, FileStore files, JsonObject dataset, JsonObject version) =>
        new(store, files, dataset, version);

    private static VersionScope Resolve(Store store, FileStore files, JsonObject dataset, string dv)
    {
        var version = store.Get(Kinds.DatasetVersion, dv);
        if (version is null || version.Str("dataset_id") != dataset.Str("id")) throw DomainException.NotFound("Dataset version", dv);
        return new VersionScope(store, files, dataset, version);
    }

    public List<JsonObject> Splits() => Store.List(Kinds.Split, VersionId);
    public List<JsonObject> Labels() => Store.List(Kinds.Label, VersionId).OrderBy(l => (int?)l["index"] ?? 0).ToList();
    public List<JsonObject> Items() => Store.List(Kinds.Item, VersionId);
    public List<JsonObject> Annotations() => Store.List(Kinds.Annotation, VersionId);

    public List<JsonObject> AnnotationsOf(string itemId) => Store.ListReferencing(Kinds.Annotation, References.AnnotationItem, itemId);
    public List<JsonObject> AnnotationsOf(IEnumerable<string> itemIds) => Store.ListReferencing(Kinds.Annotation, References.AnnotationItem, itemIds);
    public List<JsonObject> AnnotationsWithLabel(string labelId) => Store.ListReferencing(Kinds.Annotation, References.AnnotationLabel, labelId);
    public List<JsonObject> AnnotationsInSplit(string splitId) => Store.ListReferencing(Kinds.Annotation, References.AnnotationSplit, splitId);
    public List<JsonObject> ItemsInSplit(string splitId) => Store.ListReferencing(Kinds.Item, References.ItemSplits, splitId);

    public JsonObject Split(string id) => Child(Kinds.Split, id, "Split", "version_id");
    public JsonObject Label(string id) => Child(Kinds.Label, id, "Label", "version_id");
    public JsonObject Item(string id) => Child(Kinds.Item, id, "Item", VersionKey);
    public JsonObject Annotation(string id) => Child(Kinds.Annotation, id, "Annotation", VersionKey);

    /// <summary>The internal key that ties items and annotations to their version.</summary>
    public const string VersionKey = "_version_id";

    /// <summary>A new document of <paramref name="kind"/> owned by the dataset's owner, tied to this version.</summary>
    public JsonObject NewChild(string kind)
    {
        var doc = Entities.Create(kind);
        doc["user_id"] = OwnerId;
        if (kind is Kinds.Split or Kinds.Label) doc["version_id"] = VersionId;
        else doc[VersionKey] = VersionId;
        return doc;
    }

    public void Put(string kind, JsonObject doc) => Store.Put(kind, doc, VersionId);

    private JsonObject Child(string kind, string id, string what, string versionKey)
    {
        var doc = Store.Get(kind, id);
        if (doc is null || doc.Str(versionKey) != VersionId) throw DomainException.NotFound(what, id);
        return doc;
    }
}
