using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;
using SeeMe.Server.Zip;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{ds}/versions: CRUD, duplicate (…/new), export (…/download[/{split_id}]?format=) and
/// import (…/upload[/{format}]) of a version as a zip.
/// </summary>
public static class DatasetVersionEndpoints
{
    private const string Versions = "datasets/{ds}/versions";
    private const string Version = Versions + "/{dv}";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Versions, List);
        api.MapPost(Versions, Create);
        api.MapGet(Version, Get);
        api.MapPut(Version, Update);
        api.MapDelete(Version, Delete);
        api.MapPost(Version + "/new", Duplicate);
        api.MapGet(Version + "/download", (HttpContext c, string ds, string dv, Store s, FileStore f) => Export(c, ds, dv, null, s, f));
        api.MapGet(Version + "/download/{splitId}", Export);
        api.MapPost(Version + "/upload", (HttpContext c, string ds, string dv, Store s, FileStore f) => Import(c, ds, dv, null, s, f));
        api.MapPost(Version + "/upload/{format}", Import);
    }

    private static IResult List(HttpContext c, string ds, Store store)
    {
        var dataset = Access.Visible(store, c.Caller(), Kinds.Dataset, ds);
        return Reply.List(store.List(Kinds.DatasetVersion, dataset.Str("id")).Select(v => DatasetReplies.Version(store, v)));
    }

    private static async Task<IResult> Create(HttpContext c, string ds, Store store)
    {
        var dataset = Access.Owned(store, c.Caller(), Kinds.Dataset, ds);
        var body = await c.Request.ReadJsonObjectAsync();
        var version = store.InTransaction(() =>
        {
            var created = DatasetDocs.NewVersion(store, dataset, body);
            DatasetDocs.SaveVersion(store, created);
            return created;
        });
        return Reply.Json(DatasetReplies.Version(store, version));
    }

    private static IResult Get(HttpContext c, string ds, string dv, Store store, FileStore files) =>
        Reply.Json(DatasetReplies.Version(store, VersionScope.Read(c, store, files, ds, dv).Version));

    private static async Task<IResult> Update(HttpContext c, string ds, string dv, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        var body = await c.Request.ReadJsonObjectAsync();
        DatasetWire.Apply(Kinds.DatasetVersion, scope.Version, body, DatasetDocs.VersionServerOwned);
        DatasetDocs.SaveVersion(store, Entities.Touch(scope.Version));
        return Reply.Json(DatasetReplies.Version(store, scope.Version));
    }

    private static IResult Delete(HttpContext c, string ds, string dv, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        var reply = DatasetReplies.Version(store, scope.Version);
        var cascade = new Cascade(store, files);
        store.InTransaction(() => cascade.Version(ds, dv));
        cascade.Cleanup();
        return Reply.Json(reply);
    }

    // The source needs to be visible; the target dataset (body dataset_id, default: this one) owned.
    private static async Task<IResult> Duplicate(HttpContext c, string ds, string dv, Store store, FileStore files)
    {
        var source = VersionScope.Read(c, store, files, ds, dv);
        var body = await c.Request.ReadJsonObjectAsync();
        var targetId = DatasetWire.BodyString(body, "dataset_id");
        var target = Access.Owned(store, c.Caller(), Kinds.Dataset, targetId.Length > 0 ? targetId : ds);
        var version = new VersionCopier(source, target).Copy();
        return Reply.Json(DatasetReplies.Version(store, version));
    }

    private static IResult Export(HttpContext c, string ds, string dv, string? splitId, Store store, FileStore files)
    {
        var scope = VersionScope.Read(c, store, files, ds, dv);
        var zip = DatasetZip.Export(scope, splitId, c.Request.Query["format"].ToString());
        var name = splitId is null ? $"{dv}.zip" : $"{dv}_{splitId}.zip";
        return Results.File(zip, "application/zip", name);
    }

    private static async Task<IResult> Import(HttpContext c, string ds, string dv, string? format, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        if (format is not null) DatasetZip.Find(format);
        using (var upload = await c.Request.ReadSingleFileAsync(files))
            DatasetZip.Import(scope, upload.TempPath, format);
        return Reply.Json(DatasetReplies.Version(store, store.Get(Kinds.DatasetVersion, dv)!));
    }
}
