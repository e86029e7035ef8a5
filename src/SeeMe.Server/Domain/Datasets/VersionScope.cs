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
    public string DatasetVersionId => Version.Str("id");
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

    public List<JsonObject> Splits() => Store.List(Kinds.Split, DatasetVersionId);
    public List<JsonObject> Labels() => Store.List(Kinds.Label, DatasetVersionId).OrderBy(l => (int?)l["index"] ?? 0).ToList();
    public List<JsonObject> Items() => Store.List(Kinds.Item, DatasetVersionId);
    public List<JsonObject> Annotations() => Store.List(Kinds.Annotation, DatasetVersionId);

    public List<JsonObject> AnnotationsOf(string itemId) => Store.ListReferencing(Kinds.Annotation, References.AnnotationItem, itemId);
    public List<JsonObject> AnnotationsOf(IEnumerable<string> itemIds) => Store.ListReferencing(Kinds.Annotation, References.AnnotationItem, itemIds);
    public List<JsonObject> AnnotationsWithLabel(string labelId) => Store.ListReferencing(Kinds.Annotation, References.AnnotationLabel, labelId);
    public List<JsonObject> AnnotationsInSplit(string splitId) => Store.ListReferencing(Kinds.Annotation, References.AnnotationSplit, splitId);
    public List<JsonObject> ItemsInSplit(string splitId) => Store.ListReferencing(Kinds.Item, References.ItemSplits, splitId);

    public JsonObject Split(string id) => Child(Kinds.Split, id, "Split");
    public JsonObject Label(string id) => Child(Kinds.Label, id, "Label");
    public JsonObject Item(string id) => Child(Kinds.Item, id, "Item");
    public JsonObject Annotation(string id) => Child(Kinds.Annotation, id, "Annotation");

    /// <summary>
    /// The document key that ties a child of <paramref name="kind"/> to its dataset version. Splits and labels keep it
    /// in the wire's own field <c>version_id</c> (their replies carry it); items and annotations, whose wire shape has
    /// no such field, keep it under the internal <c>_version_id</c> (never sent, see <see cref="DatasetWire.Clean"/>).
    /// The two stored keys stay as they are, so existing data folders need no migration.
    /// </summary>
    public static string DatasetVersionKey(string kind) => kind is Kinds.Split or Kinds.Label ? "version_id" : "_version_id";

    /// <summary>A new document of <paramref name="kind"/> owned by the dataset's owner, tied to this version.</summary>
    public JsonObject NewChild(string kind)
    {
        var doc = Entities.Create(kind);
        doc["user_id"] = OwnerId;
        doc[DatasetVersionKey(kind)] = DatasetVersionId;
        return doc;
    }

    public void Put(string kind, JsonObject doc) => Store.Put(kind, doc, DatasetVersionId);

    private JsonObject Child(string kind, string id, string what)
    {
        var doc = Store.Get(kind, id);
        if (doc is null || doc.Str(DatasetVersionKey(kind)) != DatasetVersionId) throw DomainException.NotFound(what, id);
        return doc;
    }
}
