using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SeeMe.Core.Sync.Layouts
{
    /// <summary>What the layouts share: the images a sync uploads, and following an item that moved to another split.</summary>
    internal static class LayoutRules
    {
        /// <summary>The image types an item's image upload takes.</summary>
        public static bool IsImage(LocalFile file) => file.Extension == "jpg" || file.Extension == "jpeg" || file.Extension == "png";

        /// <summary>
        /// The split an annotation counts in once the item's splits are <paramref name="after"/>: its own when the item
        /// stays in it; the new one when the item left exactly one split for exactly one other (a move takes the item's
        /// annotations with it); else its own.
        /// </summary>
        public static string Follow(IReadOnlyList<string> before, IReadOnlyList<string> after, string split)
        {
            if (after.Contains(split, StringComparer.Ordinal)) return split;
            var left = before.Except(after, StringComparer.Ordinal).ToList();
            var entered = after.Except(before, StringComparer.Ordinal).ToList();
            return left.Count == 1 && entered.Count == 1 && left[0] == split ? entered[0] : split;
        }

        /// <summary>Sorted lines: equal for equal sets of annotations, whatever their order.</summary>
        public static string Signature(IEnumerable<string> lines) => string.Join("\n", lines.OrderBy(l => l, StringComparer.Ordinal));

        public static InvalidDataException Unsupported(string layout, string path, string rule) =>
            new InvalidDataException($"The folder does not follow the {layout} layout at '{path}': {rule}. " +
                                    "Fix the folder, or give the layout it follows with -Format (names that start with '.' are left out).");
    }
}
