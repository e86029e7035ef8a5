using SeeMe.Core.Entities;
using SeeMe.Core.Sync;
using SeeMe.Core.Sync.Layouts;

namespace SeeMe.Tests.Core;

/// <summary>
/// The sync's plan as the pure function it is: listings made in memory (no folder, no server), the plan and the
/// annotations an update sends looked at directly.
/// </summary>
public sealed class SyncPlanTests
{
    private static readonly DatasetSplit Train = new() { Id = "s-train", Name = "train" };
    private static readonly DatasetSplit Valid = new() { Id = "s-valid", Name = "valid" };
    private static readonly DatasetLabel Red = new() { Id = "l-red", Name = "red", Index = 0 };
    private static readonly DatasetLabel Blue = new() { Id = "l-blue", Name = "blue", Index = 1 };
    private static readonly DateTimeOffset Then = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly FoldersLayout _folders = new();

    [Fact]
    public void A_first_sync_takes_an_item_of_the_same_name_as_it_is_and_a_state_that_knows_the_file_decides_its_content()
    {
        var local = Listing(Image("a", "train/red/a.png", "hash-1", Train, (Red, Train)));
        var item = Item("a", Train, Annotation(Red, Train));
        item.Id = "item-a";
        var remote = Remote(item);
        var options = new SyncOptions();

        Assert.Equal(1, UploadPlanner.Plan(local, remote, _folders, null, options).Unchanged);
        Assert.Equal(1, UploadPlanner.Plan(local, remote, _folders, State("train/red/a.png", "hash-1", "item-a", Then), options).Unchanged);
        Assert.Equal(SyncActions.UpdateContent, Single(UploadPlanner.Plan(local, remote, _folders, State("train/red/a.png", "hash-0", "item-a", Then), options)).Actions);
        // Changed on the service since the last sync: the folder's image is sent again.
        Assert.Equal(SyncActions.UpdateContent, Single(UploadPlanner.Plan(local, remote, _folders, State("train/red/a.png", "hash-1", "item-a", Then.AddSeconds(-1)), options)).Actions);
        // The state knew the file as another item: its content is not known to be the service's.
        Assert.Equal(SyncActions.UpdateContent, Single(UploadPlanner.Plan(local, remote, _folders, State("train/red/a.png", "hash-1", "item-x", Then), options)).Actions);
    }

    [Fact]
    public void A_move_to_another_split_is_a_move_alone_and_takes_the_annotations_with_their_ids_and_boxes()
    {
        var local = Listing(Image("a", "valid/red/a.png", "h", Valid, (Red, Valid)));
        var remote = Remote(Item("a", Train, Annotation(Red, Train, "0.5 0.5 0.2 0.2", "ann-1")));

        var change = Single(UploadPlanner.Plan(local, remote, _folders, null, new SyncOptions()));

        Assert.Equal(SyncActions.Move, change.Actions);
        var kept = Assert.Single(_folders.Relabel(change.Local!, change.Remote!, remote));
        Assert.Equal(("ann-1", "s-valid", "0.5 0.5 0.2 0.2"), (kept.Id, kept.SplitId, kept.Coordinates));
    }

    [Fact]
    public void A_relabel_keeps_the_annotations_of_labels_still_wanted_and_adds_the_new_ones()
    {
        var local = Listing(Image("a", "train/blue/a.png", "h", Train, (Blue, Train), (Red, Train)));
        var remote = Remote(Item("a", Train, Annotation(Red, Train, "0.1 0.1 0.1 0.1", "ann-red")));

        var change = Single(UploadPlanner.Plan(local, remote, _folders, null, new SyncOptions()));

        Assert.Equal(SyncActions.Relabel, change.Actions);
        var annotations = _folders.Relabel(change.Local!, change.Remote!, remote);
        Assert.Equal([("ann-red", "l-red"), ("", "l-blue")], annotations.Select(a => (a.Id, a.LabelId)));
    }

    [Fact]
    public void Items_are_matched_by_name_first_then_a_file_named_after_an_unnamed_items_id_and_the_rest_are_deleted_only_with_Delete()
    {
        var unnamed = Item("", Train);
        var local = Listing(Image("dup", "train/dup.png", "h", Train), Image(unnamed.Id, $"train/{unnamed.Id}.png", "h", Train));
        var remote = Remote(Item("dup", Train), Item("dup", Train), unnamed);

        var kept = UploadPlanner.Plan(local, remote, _folders, null, new SyncOptions());
        var deleted = UploadPlanner.Plan(local, remote, _folders, null, new SyncOptions { Delete = true });

        Assert.Equal((2, 1, 0), (kept.Unchanged, kept.Kept, kept.Changes.Count));
        var delete = Assert.Single(deleted.Changes);
        Assert.True(delete.Is(SyncActions.Delete) && delete.DeletesExtra);
        Assert.Equal(remote.Items[1].Id, delete.Remote!.Id); // of two items named dup, the first (oldest) is the file's
    }

    [Fact]
    public void Creates_come_before_updates_and_deletions_last_and_missing_labels_and_splits_are_planned_first()
    {
        var local = Listing(Image("b", "holdout/green/b.png", "h", new DatasetSplit { Name = "holdout" }, (new DatasetLabel { Name = "green" }, new DatasetSplit { Name = "holdout" })),
            Image("a", "valid/a.png", "h", Valid));
        var remote = Remote(Item("a", Train), Item("gone", Train));

        var plan = UploadPlanner.Plan(local, remote, _folders, null, new SyncOptions { Delete = true });

        Assert.Equal(["holdout"], plan.SplitsToCreate);
        Assert.Equal(["green"], plan.LabelsToCreate.Select(l => l.Name));
        Assert.Equal([SyncActions.Create, SyncActions.Move, SyncActions.Delete], plan.Changes.Select(c => c.Actions));
    }

    private static SyncChange Single(SyncPlan plan) => Assert.Single(plan.Changes);

    private static LocalListing Listing(params LocalItem[] items)
    {
        var listing = new LocalListing(SeeMe.Core.Clients.DatasetFormat.Folders);
        foreach (var item in items)
        {
            listing.Items.Add(item);
            foreach (var split in item.Splits) listing.AddSplit(split);
            foreach (var annotation in item.Annotations) listing.AddLabel(annotation.Label);
        }
        return listing;
    }

    private static LocalItem Image(string name, string path, string hash, DatasetSplit split, params (DatasetLabel Label, DatasetSplit Split)[] labels)
    {
        var file = new LocalFile(path, "/nowhere/" + path, 10, Then);
        var item = new LocalItem(name, name) { Image = file, ImageHash = hash };
        item.Files.Add(file);
        item.AddSplit(split.Name);
        foreach (var (label, inSplit) in labels) item.Annotations.Add(new SyncAnnotation(label.Name, inSplit.Name));
        return item;
    }

    private static RemoteListing Remote(params DatasetItem[] items) =>
        new(new DatasetVersion { Id = "v", DatasetId = "d", Splits = [Train, Valid], Labels = [Red, Blue] }, items);

    private static DatasetItem Item(string name, DatasetSplit split, params Annotation[] annotations) => new()
    {
        Id = Guid.NewGuid().ToString(), Name = name, Extension = "png", UpdatedAt = Then, Splits = [split], Annotations = [.. annotations],
    };

    private static Annotation Annotation(DatasetLabel label, DatasetSplit split, string coordinates = "", string id = "") =>
        new() { Id = id.Length > 0 ? id : Guid.NewGuid().ToString(), LabelId = label.Id, SplitId = split.Id, Coordinates = coordinates };

    private static SyncState State(string path, string hash, string itemId, DateTimeOffset updatedAt) => new()
    {
        DatasetVersionId = "v",
        Files = { [path] = new FileState { Hash = hash, Size = 10, Modified = Then, ItemId = itemId, UpdatedAt = updatedAt } },
    };
}
