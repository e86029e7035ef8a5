using System.Collections.Generic;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Sync.Layouts
{
    /// <summary>
    /// One folder layout of Export-SeeMeDatasetVersion (docs/wire-contract.md, "Dataset zip layouts") as a sync sees it:
    /// what a folder says the version holds, what identifies an item, which of an item's annotations the layout
    /// expresses and how a change of them is sent, and the files a version is written as.
    /// </summary>
    public interface ISyncLayout
    {
        DatasetFormat Format { get; }

        /// <summary>False when the layout cannot say which split an item is in (csv): the items' splits are then left as they are.</summary>
        bool HasSplits { get; }

        /// <summary>
        /// The folder's splits, labels and items (<paramref name="remote"/> for what the layout leaves to the version, as
        /// the csv layout's default split); an <see cref="System.IO.InvalidDataException"/> when it does not follow the layout.
        /// </summary>
        LocalListing Read(SyncFolder folder, RemoteListing remote);

        /// <summary>Whether the file is of the kind the layout writes where it is (a download with -Delete removes only such files).</summary>
        bool Holds(LocalFile file);

        /// <summary>What identifies an item on the service, as <see cref="LocalItem.Key"/> does in the folder.</summary>
        string KeyOf(DatasetItem item);

        /// <summary>The annotations the layout expresses, as a text that is equal when they are the same.</summary>
        string LabelsOf(LocalItem item);

        /// <summary>
        /// <see cref="LabelsOf(LocalItem)"/> of an item on the service, its annotations counted in the splits they follow
        /// the item to when its splits become <paramref name="splitsAfter"/> (so a move alone is not a relabel).
        /// </summary>
        string LabelsOf(RemoteItem item, IReadOnlyList<string> splitsAfter);

        /// <summary>
        /// The item's annotations after the sync: those the folder still has kept (with their ids, moved along when the
        /// item moved to another split), the others dropped, the new ones added; annotations the layout cannot
        /// express are left as they are.
        /// </summary>
        List<Annotation> Relabel(LocalItem local, RemoteItem remote, RemoteListing listing);

        /// <summary>The files the version is written as, where the folder (and the names it already uses) allows.</summary>
        IReadOnlyList<DesiredFile> Render(RemoteListing remote, SyncFolder folder);
    }
}
