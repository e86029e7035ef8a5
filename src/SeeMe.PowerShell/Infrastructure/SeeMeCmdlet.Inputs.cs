using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// How commands send one request per pipeline input: up to the throttle limit in flight, output
    /// and errors written in input order, input progress ("12 of 40 done, 4 in flight").
    /// </summary>
    public abstract partial class SeeMeCmdlet
    {
        private const int InputProgressId = 2;
        private const int FirstTransferProgressId = 10;
        private InFlightWindow? _window;
        private int _inputsSeen;
        private int _inputsDone;
        private int _inputsExpected;
        private bool _inputProgressShown;

        /// <summary>What input progress calls the work ("Predicting with model 'Birds'").</summary>
        protected virtual string InputActivity => MyInvocation.MyCommand.Name;

        /// <summary>
        /// A command with -ThrottleLimit (<see cref="IThrottledCmdlet"/>): the one given, else the session's default.
        /// Any other command sends its per-input calls one at a time.
        /// </summary>
        protected int ThrottleLimitInEffect => this is IThrottledCmdlet throttled
            ? throttled.ThrottleLimit > 0 ? throttled.ThrottleLimit : ResolvedSession.ThrottleLimit
            : 1;

        /// <summary>
        /// Sends one pipeline input's Core call. With a throttle limit of 1 it waits for the answer; above 1 it
        /// returns as soon as the call is sent, and later calls go out while this one is answered. Either way
        /// <paramref name="write"/> runs on the pipeline thread in input order, and a failure is a
        /// non-terminating error for <paramref name="target"/> alone. Call it after ShouldProcess.
        /// </summary>
        protected void RunInput<T>(Func<CancellationToken, Task<T>> call, object? target, Action<T> write) =>
            StartInput(null, (_, ct) => call(ct), target, write);

        /// <summary><see cref="RunInput{T}"/> for a call that uploads or downloads a file, with its own progress bar.</summary>
        protected void RunTransferInput<T>(string transferActivity, Func<IProgress<TransferProgress>, CancellationToken, Task<T>> call, object? target, Action<T> write) =>
            StartInput(transferActivity, (progress, ct) => call(progress!, ct), target, write);

        /// <summary>
        /// Says how many inputs the next <see cref="RunInput{T}"/> calls will send, when the command knows (an evaluation's
        /// items, a sync's plan), so progress reads "12 of 40 done" with a percentage from the first.
        /// </summary>
        protected void ExpectInputs(int count) => _inputsExpected = _inputsSeen + count;

        private void StartInput<T>(string? transferActivity, Func<IProgress<TransferProgress>?, CancellationToken, Task<T>> call, object? target, Action<T> write)
        {
            var window = _window ??= new InFlightWindow(_pipelineThread, ThrottleLimitInEffect);
            var progressId = FirstTransferProgressId + _inputsSeen % window.Capacity;
            var progress = transferActivity == null ? null : new ProgressSink(this, transferActivity, progressId, InputProgressId);
            _inputsSeen++;
            Task<T>? sent = null;
            try
            {
                window.Start(() => sent = Send(ct => call(progress, ct)), () =>
                {
                    Finish(sent!, progress, target, write);
                    WriteInputProgress(window);
                });
                WriteInputProgress(window);
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
            _inputsDone++;
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
            catch (Exception e) when (IsWorkFailure(e))
            {
                WriteFailure(e, target);
                return;
            }
            write(result);
        }

        /// <summary>Input progress, from the second input on (a single call needs no bar): done of those seen, or of those expected.</summary>
        private void WriteInputProgress(InFlightWindow window)
        {
            var total = Math.Max(_inputsSeen, _inputsExpected);
            if (total < 2) return;
            var running = window.Running;
            var status = $"{_inputsDone} of {total} done" + (running > 0 ? $", {running} in flight" : "");
            var record = new ProgressRecord(InputProgressId, InputActivity, status);
            if (_inputsExpected >= _inputsSeen) record.PercentComplete = (int)(100L * _inputsDone / total);
            _inputProgressShown = true;
            WriteThrottledProgress(record);
        }

        /// <summary>
        /// Writes what is still in flight (in order) and closes the input progress bar; the next per-input call starts a new
        /// count. EndProcessing calls it; a command that needs every input's output before it goes on (Test-SeeMeModel),
        /// or writes something after its inputs (Sync-SeeMeDatasetVersion's summary), calls it itself.
        /// </summary>
        protected void FinishInputs()
        {
            if (_window == null) return;
            _window.FinishAll();
            if (_inputProgressShown)
                WriteProgress(new ProgressRecord(InputProgressId, InputActivity, $"{_inputsDone} done") { RecordType = ProgressRecordType.Completed });
            _inputProgressShown = false;
            _window = null;
            _inputsSeen = _inputsDone = _inputsExpected = 0;
        }

        /// <summary>After Ctrl+C: waits (briefly) for the cancelled calls, so none leaves a temporary file behind.</summary>
        private void WaitForCancelledInputs()
        {
            var calls = _window?.Calls();
            if (calls == null || calls.Length == 0) return;
            Task.WhenAll(calls).ContinueWith(_ => { }, TaskContinuationOptions.ExecuteSynchronously).Wait(TimeSpan.FromSeconds(10));
        }
    }
}
