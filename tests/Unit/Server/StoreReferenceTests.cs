using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SeeMe.Server.Storage;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>The refs table the dataset queries run on: kept in step with the documents, and rebuilt for an older data folder.</summary>
public sealed class StoreReferenceTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _files.Dispose();
    }

    [Fact]
    public void References_follow_puts_and_deletes_and_the_documents_keep_unknown_fields()
    {
        using var store = new Store(_files.Root);
        var item = Doc(Kinds.Item, ("_split_ids", new JsonArray("train", "valid")), ("from_a_newer_client", new JsonObject { ["x"] = 1 }));
        store.Put(Kinds.Item, item, "v1");
        var annotation = Doc(Kinds.Annotation, ("item_id", item.Str("id")), ("label_id", "cat"), ("split_id", "train"));
        store.Put(Kinds.Annotation, annotation, "v1");

        Assert.Equal(item.ToJsonString(), Assert.Single(store.ListReferencing(Kinds.Item, References.ItemSplits, "valid")).ToJsonString());
        Assert.Single(store.ListReferencing(Kinds.Annotation, References.AnnotationLabel, "cat"));

        item["_split_ids"] = new JsonArray("train");
        store.Put(Kinds.Item, item, "v1");
        annotation["label_id"] = "dog";
        store.Put(Kinds.Annotation, annotation, "v1");
        Assert.Empty(store.ListReferencing(Kinds.Item, References.ItemSplits, "valid"));
        Assert.Empty(store.ListReferencing(Kinds.Annotation, References.AnnotationLabel, "cat"));
        Assert.Single(store.ListReferencing(Kinds.Annotation, References.AnnotationLabel, "dog"));

        store.Delete(Kinds.Annotation, annotation.Str("id"));
        Assert.Empty(store.ListReferencing(Kinds.Annotation, References.AnnotationItem, item.Str("id")));
        Assert.Equal(1, store.CountSplit("train").Unlabelled);
    }

    [Fact]
    public void A_data_folder_from_before_the_refs_table_gets_it_filled_on_open()
    {
        var item = Doc(Kinds.Item, ("_split_ids", new JsonArray("train")));
        var annotation = Doc(Kinds.Annotation, ("item_id", item.Str("id")), ("label_id", "cat"), ("split_id", "train"));
        using (var store = new Store(_files.Root))
        {
            store.Put(Kinds.Item, item, "v1");
            store.Put(Kinds.Annotation, annotation, "v1");
        }
        using (var old = new SqliteConnection($"Data Source={Path.Combine(_files.Root, "seeme.db")};Pooling=False"))
        {
            old.Open();
            using var downgrade = old.CreateCommand();
            downgrade.CommandText = "DROP TABLE refs; PRAGMA user_version = 0;";
            downgrade.ExecuteNonQuery();
        }

        using var reopened = new Store(_files.Root);

        Assert.Equal(item.Str("id"), Assert.Single(reopened.PageItems("v1", new ItemFilter("train", "cat", false), 0, 10)).Str("id"));
        var counts = reopened.CountSplit("train");
        Assert.Equal((1, 1), counts.ByLabel["cat"]);
        Assert.Equal(1, counts.Items);
    }

    private static JsonObject Doc(string kind, params (string Key, JsonNode Value)[] fields)
    {
        var doc = Entities.Create(kind);
        foreach (var (key, value) in fields) doc[key] = value;
        return doc;
    }
}
