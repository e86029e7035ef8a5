using System;
using System.Collections.Generic;
using System.Linq;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Sync.Layouts
{
    /// <summary>
    /// The file names an export gives within one folder: <c>name.ext</c>, or <c>id.ext</c> when the name is empty or
    /// taken (compared without case, and by stem when asked, so YOLO's per-image .txt files cannot collide); split
    /// and label names made safe as one path segment. As the server's export names them.
    /// </summary>
    internal sealed class ExportNames
    {
        private readonly HashSet<string> _used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly bool _byStem;

        public ExportNames(bool byStem = false) => _byStem = byStem;

        public void Reserve(string key) => _used.Add(key);

        public string For(DatasetItem item, string extension)
        {
            var stems = new[] { item.Name.Length == 0 ? "" : Segment(item.Name), item.Id }.Concat(Enumerable.Range(2, int.MaxValue - 2).Select(n => item.Id + "-" + n));
            foreach (var stem in stems.Where(s => s.Length > 0))
            {
                var file = stem + "." + extension;
                if (_used.Add(_byStem ? stem : file)) return file;
            }
            throw new InvalidOperationException("unreachable");
        }

        /// <summary>A split or label name usable as one path segment.</summary>
        public static string Segment(string name)
        {
            var safe = new string(name.Select(c => c == '/' || c == '\\' || char.IsControl(c) ? '_' : c).ToArray());
            return safe.Length == 0 || safe == "." || safe == ".." ? "_" : safe;
        }
    }
}
