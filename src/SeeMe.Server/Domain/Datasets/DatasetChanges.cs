using System.Text.Json.Nodes;
using SeeMe.Server.Images;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// Creating, changing and deleting datasets and versions, and a dataset's logo. Fields computed per reply (a dataset's
/// <c>versions</c> and <c>shared_with_me</c>, a version's <c>labels</c> and <c>splits</c>) are never stored.
/// </summary>
public static class DatasetChanges
{
    public static readonly string[] ContentTypes = ["images", "text", "tabular", "ner", "documents"];
    public static readonly string[] DatasetServerOwned = ["versions", "shared_with_me", "has_logo", "logo", "deleted_at"];
    public static readonly string[] VersionServerOwned = ["labels", "splits", "dataset_id", "deleted_at"];
    public static readonly string[] DefaultSplitNames = ["train", "valid", "test"];

    /// <summary>The content type, "images" when empty; 400 for anything else than the known ones.</summary>
    public static string CheckContentType(string value)
    {
        if (value.Length == 0) return "images";
        return ContentTypes.Contains(value)
            ? value
            : throw DomainException.Invalid($"content_type must be one of {string.Join(", ", ContentTypes)}, not '{value}'.");
    }

    /// <summary>Creates a dataset of <paramref name="ownerId"/> with its first version (and the default splits when asked).</summary>
    public static JsonObject CreateDataset(Store store, FileStore files, string ownerId, JsonObject body)
    {
        var dataset = Entities.Create(Kinds.Dataset);
        DatasetWire.Apply(Kinds.Dataset, dataset, body, DatasetServerOwned);
        dataset["user_id"] = ownerId;
        dataset["content_type"] = CheckContentType(dataset.Str("content_type"));
        store.InTransaction(() =>
        {
            SaveDataset(store, dataset);
            var version = NewVersion(store, dataset, null);
            SaveVersion(store, version);
            if (!dataset.Bool("default_splits")) return;
            var scope = VersionScope.Of(store, files, dataset, version);
            foreach (var name in DefaultSplitNames) NewSplit(scope, name);
        });
        return dataset;
    }

    /// <summary>Applies the client's fields to a dataset and saves it.</summary>
    public static void UpdateDataset(Store store, JsonObject dataset, JsonObject body)
    {
        DatasetWire.Apply(Kinds.Dataset, dataset, body, DatasetServerOwned);
        dataset["content_type"] = CheckContentType(dataset.Str("content_type"));
        SaveDataset(store, Entities.Touch(dataset));
    }

    /// <summary>Deletes a dataset with its versions, shares and files.</summary>
    public static void DeleteDataset(Store store, FileStore files, JsonObject dataset)
    {
        var cascade = new Cascade(store, files);
        store.InTransaction(() => cascade.Dataset(dataset));
        cascade.Cleanup();
    }

    /// <summary>
    /// Makes the upload the dataset's logo (400 when it is not an image). It is stored as
    /// files/datasets/{ds}/logo.{ext}; <c>logo</c> holds the bare name "logo.{ext}".
    /// </summary>
    public static void StoreLogo(Store store, FileStore files, JsonObject dataset, UploadedFile upload)
    {
        var id = dataset.Str("id");
        var logo = "logo." + Thumbnails.RequireImage(upload.TempPath, "The logo");
        var previous = dataset.Str("logo");
        dataset["logo"] = logo;
        dataset["has_logo"] = true;
        store.InTransaction(() =>
        {
            SaveDataset(store, Entities.Touch(dataset));
            files.Place(upload.TempPath, ItemFiles.Logo(files, id, logo));
        });
        if (previous.Length > 0 && previous != logo) files.Delete(ItemFiles.Logo(files, id, previous));
    }

    /// <summary>The dataset's logo file; 404 when it has none.</summary>
    public static StoredFile Logo(FileStore files, JsonObject dataset)
    {
        var (id, logo) = (dataset.Str("id"), dataset.Str("logo"));
        var path = logo.Length > 0 && dataset.Bool("has_logo") ? ItemFiles.Logo(files, id, logo) : null;
        if (path is null || !File.Exists(path)) throw DomainException.NotFound($"Dataset '{id}' has no logo.");
        return new StoredFile(path, Thumbnails.ContentType(Path.GetExtension(logo).TrimStart('.')), logo);
    }

    public static void SaveDataset(Store store, JsonObject dataset)
    {
        var stored = (JsonObject)dataset.DeepClone();
        stored.Remove("versions");
        stored.Remove("shared_with_me");
        store.Put(Kinds.Dataset, stored);
    }

    public static void SaveVersion(Store store, JsonObject version)
    {
        var stored = (JsonObject)version.DeepClone();
        stored.Remove("labels");
        stored.Remove("splits");
        store.Put(Kinds.DatasetVersion, stored, version.Str("dataset_id"));
    }

    /// <summary>Creates and saves a new version of <paramref name="dataset"/> from the client's fields.</summary>
    public static JsonObject CreateVersion(Store store, JsonObject dataset, JsonObject body) => store.InTransaction(() =>
    {
        var created = NewVersion(store, dataset, body);
        SaveVersion(store, created);
        return created;
    });

    /// <summary>Applies the client's fields to the scope's version and saves it.</summary>
    public static JsonObject UpdateVersion(VersionScope scope, JsonObject body)
    {
        DatasetWire.Apply(Kinds.DatasetVersion, scope.Version, body, VersionServerOwned);
        SaveVersion(scope.Store, Entities.Touch(scope.Version));
        return scope.Version;
    }

    /// <summary>Deletes the scope's version with everything in it, files included.</summary>
    public static void DeleteVersion(VersionScope scope)
    {
        var cascade = new Cascade(scope.Store, scope.Files);
        scope.Store.InTransaction(() => cascade.Version(scope.DatasetId, scope.DatasetVersionId));
        cascade.Cleanup();
    }

    /// <summary>A new version of <paramref name="dataset"/> from the client's fields (not yet saved); unnamed ones are called v1, v2, ...</summary>
    public static JsonObject NewVersion(Store store, JsonObject dataset, JsonObject? body)
    {
        var version = Entities.Create(Kinds.DatasetVersion);
        if (body is not null) DatasetWire.Apply(Kinds.DatasetVersion, version, body, VersionServerOwned);
        version["dataset_id"] = dataset.Str("id");
        version["user_id"] = dataset.Str("user_id");
        if (version.Str("name").Length == 0) version["name"] = "v" + (store.List(Kinds.DatasetVersion, dataset.Str("id")).Count + 1);
        return version;
    }

    /// <summary>Creates a split named <paramref name="name"/> in the scope's version (inside the caller's transaction).</summary>
    public static JsonObject NewSplit(VersionScope scope, string name)
    {
        var split = scope.NewChild(Kinds.Split);
        split["name"] = name;
        scope.Put(Kinds.Split, split);
        return split;
    }
}
