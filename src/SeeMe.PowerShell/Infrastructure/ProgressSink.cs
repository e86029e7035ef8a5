using System;
using System.Management.Automation;
using SeeMe.Core.Http;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Write-Progress for one Core transfer (an upload or a download): Core reports from the thread pool, so each
    /// record is posted to the pipeline thread, throttled, and nothing is written after the record that closed the bar.
    /// </summary>
    internal sealed class ProgressSink : IProgress<TransferProgress>
    {
        private readonly SeeMeCmdlet _cmdlet;
        private readonly string _activity;
        private readonly int _activityId;
        private readonly int _parentId;

        public ProgressSink(SeeMeCmdlet cmdlet, string activity, int activityId, int parentId = -1)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _activityId = activityId;
            _parentId = parentId;
        }

        private bool _closed; // touched on the pipeline thread only

        /// <summary>Closes this transfer's bar (on the pipeline thread) unless its last report already did.</summary>
        public void Complete() => Write(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });

        public void Report(TransferProgress value)
        {
            var done = value.TotalBytes is long total && value.BytesTransferred >= total;
            var record = new ProgressRecord(_activityId, _activity, $"{value.FileName}: {Bytes(value.BytesTransferred)}" +
                                                                    (value.TotalBytes is long t ? $" of {Bytes(t)}" : ""))
            {
                PercentComplete = value.Percent,
                RecordType = done ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            _cmdlet.PostToPipelineThread(() => Write(record));
        }

        /// <summary>Writes a record of this transfer; nothing after the one that closed it.</summary>
        private void Write(ProgressRecord record)
        {
            if (_closed) return;
            record.ParentActivityId = _parentId;
            _closed = record.RecordType == ProgressRecordType.Completed;
            _cmdlet.WriteThrottledProgress(record);
        }

        private static string Bytes(long n) => n >= 1 << 20 ? $"{n / 1048576.0:0.0} MB" : $"{n / 1024.0:0.0} KB";
    }
}
