using System;
using System.Collections.Generic;
using System.Linq;
using SeeMe.Core.Sync.Layouts;

namespace SeeMe.Core.Sync
{
    /// <summary>
    /// Pairs the folder's items with the service's: by the layout's key (the name; a csv row's text), each item of the
    /// service taken once in creation order (so of two items of one name the first is the file's); then a file
    /// named after an item's id (an export names an unnamed item so) with that item.
    /// </summary>
    internal sealed class ItemMatcher
    {
        private readonly Dictionary<string, Queue<RemoteItem>> _byKey;
        private readonly Dictionary<string, RemoteItem> _byId;
        private readonly HashSet<string> _taken = new HashSet<string>(StringComparer.Ordinal);
        private readonly IReadOnlyList<RemoteItem> _items;

        public ItemMatcher(RemoteListing remote, ISyncLayout layout)
        {
            _items = remote.Items;
            _byKey = remote.Items.GroupBy(i => layout.KeyOf(i.Item), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new Queue<RemoteItem>(g), StringComparer.Ordinal);
            _byId = remote.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        }

        /// <summary>Each local item with its match (null: none), key matches made before any id match.</summary>
        public List<(LocalItem Local, RemoteItem? Remote)> Match(IEnumerable<LocalItem> items)
        {
            var byKey = items.Select(i => (Local: i, Remote: TakeByKey(i))).ToList();
            return byKey.Select(p => p.Remote != null ? p : (p.Local, TakeById(p.Local))).ToList();
        }

        /// <summary>The service's items no local item took.</summary>
        public IEnumerable<RemoteItem> Unmatched => _items.Where(i => !_taken.Contains(i.Id));

        private RemoteItem? TakeByKey(LocalItem local) =>
            _byKey.TryGetValue(local.Key, out var queue) && queue.Count > 0 ? Take(queue.Dequeue()) : null;

        private RemoteItem? TakeById(LocalItem local) =>
            local.Name.Length > 0 && _byId.TryGetValue(local.Name, out var item) && !_taken.Contains(item.Id) ? Take(item) : null;

        private RemoteItem Take(RemoteItem item)
        {
            _taken.Add(item.Id);
            return item;
        }
    }
}
