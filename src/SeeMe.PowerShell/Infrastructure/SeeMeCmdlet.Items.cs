using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// How commands send one request per pipeline item: up to the throttle limit in flight, output
    /// and errors written in input order, item progress ("12 of 40 done, 4 in flight").
    /// </summary>
    public abstract partial class SeeMeCmdlet
    {
        private const int ItemProgressId = 2;
        private const int FirstTransferProgressId = 10;
        private InFlightWindow? _window;
        private int _itemsSeen;
        private int _itemsDone;
        private int _itemsExpected;
        private bool _itemProgressShown;

        /// <summary>What item progress calls the work ("Predicting with model 'Birds'").</summary>
        protected virtual string ItemActivity => MyInvocation.MyCommand.Name;

        /// <summary>
        /// A command with -ThrottleLimit (<see cref="IThrottledCmdlet"/>): the one given, else the session's default.
        /// Any other command sends its per-item calls one at a time.
        /// </summary>
        protected int ThrottleLimitInEffect => this is IThrottledCmdlet throttled
            ? throttled.ThrottleLimit > 0 ? throttled.ThrottleLimit : ResolvedSession.ThrottleLimit
            : 1;

        /// <summary>
        /// Sends one pipeline item's Core call. With a throttle limit of 1 it waits for the answer; above 1 it
        /// returns as soon as the call is sent, and later calls go out while this one is answered. Either way
        /// <paramref name="write"/> runs on the pipeline thread in input order, and a failure is a
        /// non-terminating error for <paramref name="target"/> alone. Call it after ShouldProcess.
        /// </summary>
        protected void RunItem<T>(Func<CancellationToken, Task<T>> call, object? target, Action<T> write) =>
            StartItem(null, (_, ct) => call(ct), target, write);

        /// <summary><see cref="RunItem{T}"/> for a call that uploads or downloads a file, with its own progress bar.</summary>
        protected void RunTransferItem<T>(string transferActivity, Func<IProgress<TransferProgress>, CancellationToken, Task<T>> call, object? target, Action<T> write) =>
            StartItem(transferActivity, (progress, ct) => call(progress!, ct), target, write);

        /// <summary>
        /// Says how many items the next <see cref="RunItem{T}"/> calls will send, when the command knows (an evaluation's
        /// items, a sync's plan), so progress reads "12 of 40 done" with a percentage from the first.
        /// </summary>
        protected void ExpectItems(int count) => _itemsExpected = _itemsSeen + count;

        private void StartItem<T>(string? transferActivity, Func<IProgress<TransferProgress>?, CancellationToken, Task<T>> call, object? target, Action<T> write)
        {
            var window = _window ??= new InFlightWindow(_pipelineThread, ThrottleLimitInEffect);
            var progressId = FirstTransferProgressId + _itemsSeen % window.Capacity;
            var progress = transferActivity == null ? null : new ProgressSink(this, transferActivity, progressId, ItemProgressId);
            _itemsSeen++;
            Task<T>? sent = null;
            try
            {
                window.Start(() => sent = Send(ct => call(progress, ct)), () =>
                {
                    Finish(sent!, progress, target, write);
                    WriteItemProgress(window);
                });
                WriteItemProgress(window);
                if (window.ThrottleLimit == 1) window.FinishAll();
            }
            catch
            {
                _cancellation.Cancel(); // the command stops: nothing it sent may go on
                throw;
            }
        }

        /// <summary>
        /// Starts a call, with its HTTP trace going to -Verbose/-Debug (the listener flows with the call); an
        /// argument check that throws at once becomes that call's failure.
        /// </summary>
        private Task<T> Send<T>(Func<CancellationToken, Task<T>> call)
        {
            try
            {
                using (HttpTrace.Listen(WriteHttpTrace))
                    return CallLocalServerAware(call);
            }
            catch (Exception e)
            {
                return Task.FromException<T>(e);
            }
        }

        private void Finish<T>(Task<T> sent, ProgressSink? progress, object? target, Action<T> write)
        {
            _itemsDone++;
            progress?.Complete();
            T result;
            try
            {
                result = sent.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                WriteFailure(e, target);
                return;
            }
            write(result);
        }

        /// <summary>Item progress, from the second item on (a single call needs no bar): done of those seen, or of those expected.</summary>
        private void WriteItemProgress(InFlightWindow window)
        {
            var total = Math.Max(_itemsSeen, _itemsExpected);
            if (total < 2) return;
            var running = window.Running;
            var status = $"{_itemsDone} of {total} done" + (running > 0 ? $", {running} in flight" : "");
            var record = new ProgressRecord(ItemProgressId, ItemActivity, status);
            if (_itemsExpected >= _itemsSeen) record.PercentComplete = (int)(100L * _itemsDone / total);
            _itemProgressShown = true;
            WriteThrottledProgress(record);
        }

        /// <summary>
        /// Writes what is still in flight (in order) and closes the item progress bar; the next per-item call starts a new
        /// count. EndProcessing calls it; a command that needs every item's output before it goes on (Test-SeeMeModel),
        /// or writes something after its items (Sync-SeeMeDatasetVersion's summary), calls it itself.
        /// </summary>
        protected void FinishItems()
        {
            if (_window == null) return;
            _window.FinishAll();
            if (_itemProgressShown)
                WriteProgress(new ProgressRecord(ItemProgressId, ItemActivity, $"{_itemsDone} done") { RecordType = ProgressRecordType.Completed });
            _itemProgressShown = false;
            _window = null;
            _itemsSeen = _itemsDone = _itemsExpected = 0;
        }

        /// <summary>After Ctrl+C: waits (briefly) for the cancelled calls, so none leaves a temporary file behind.</summary>
        private void WaitForCancelledItems()
        {
            var calls = _window?.Calls();
            if (calls == null || calls.Length == 0) return;
            Task.WhenAll(calls).ContinueWith(_ => { }, TaskContinuationOptions.ExecuteSynchronously).Wait(TimeSpan.FromSeconds(10));
        }
    }
}
