using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Lets through at most one progress record per activity every <see cref="Interval"/> milliseconds (the first one and
    /// every Completed record always), so a long transfer or a pipeline of thousands of items gives a CI log a few
    /// lines a second instead of one per item or per mebibyte. Used on the pipeline thread only.
    /// </summary>
    internal sealed class ProgressThrottle
    {
        public const int Interval = 250;

        private readonly Dictionary<int, long> _lastWritten = new Dictionary<int, long>();
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public bool ShouldWrite(ProgressRecord record)
        {
            var now = _clock.ElapsedMilliseconds;
            if (record.RecordType != ProgressRecordType.Completed &&
                _lastWritten.TryGetValue(record.ActivityId, out var last) && now - last < Interval) return false;
            _lastWritten[record.ActivityId] = now;
            return true;
        }
    }
}
