using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core;
using SeeMe.Core.Http;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// What every SeeMe cmdlet shares: the session (-Session or the current one), waiting for Core
    /// calls on the pipeline thread, Ctrl+C cancelling the call in flight, progress, and turning
    /// failures into ErrorRecords. Commands translate PowerShell into one client call each.
    /// </summary>
    public abstract partial class SeeMeCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly PipelineThreadQueue _pipelineThread = new PipelineThreadQueue();
        private SeeMeSession? _session;

        /// <summary>The connection to use; by default the one made by the last Connect-SeeMe.</summary>
        [Parameter]
        [ValidateNotNull]
        public SeeMeSession? Session { get; set; }

        /// <summary>The client of the resolved session; stops with "Run Connect-SeeMe first" when there is none.</summary>
        protected SeeMeClient Client => ResolvedSession.Client;

        protected SeeMeSession ResolvedSession
        {
            get
            {
                _session ??= Session ?? SeeMeSession.Current;
                if (_session == null) ThrowTerminatingError(ErrorRecords.NoSession());
                return _session!;
            }
        }

        /// <summary>False for the few commands that work without a session (Connect-SeeMe, Register-SeeMeUser, ...).</summary>
        protected virtual bool RequiresSession => true;

        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>The noun without the SeeMe prefix, used for ErrorIds (ModelNotFound, ...).</summary>
        protected virtual string ErrorNoun
        {
            get
            {
                var attribute = (CmdletAttribute)GetType().GetCustomAttributes(typeof(CmdletAttribute), false).Single();
                var noun = attribute.NounName.StartsWith("SeeMe", StringComparison.Ordinal) ? attribute.NounName.Substring(5) : attribute.NounName;
                return noun.Length == 0 ? "Session" : noun; // Connect-SeeMe, Disconnect-SeeMe
            }
        }

        /// <summary>Resolves the session up front, so a missing one stops the command before any work.</summary>
        protected override void BeginProcessing()
        {
            if (RequiresSession) _ = ResolvedSession;
        }

        protected override void StopProcessing()
        {
            _cancellation.Cancel();
            WaitForCancelledInputs();
        }

        /// <summary>Writes what per-input calls are still in flight; a command that overrides this calls it first.</summary>
        protected override void EndProcessing()
        {
            FinishInputs();
            _cancellation.Dispose();
        }

        /// <summary>Runs a Core call and waits for it on the pipeline thread (progress is written meanwhile).</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> call)
        {
            try
            {
                return _pipelineThread.Wait(Send(call));
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Runs a Core call for one pipeline input; on failure writes a non-terminating error (with
        /// <paramref name="target"/>; its ErrorId starts with <paramref name="noun"/>, by default the command's)
        /// and returns false, so the pipeline goes on with the next input.
        /// </summary>
        protected bool TryRun<T>(Func<CancellationToken, Task<T>> call, object? target, out T result, string? noun = null)
        {
            try
            {
                result = Run(call);
                return true;
            }
            catch (Exception e) when (IsWorkFailure(e))
            {
                WriteFailure(e, target, noun);
                result = default!;
                return false;
            }
        }

        /// <summary>Runs a Core call whose failure means the command cannot go on.</summary>
        protected T RunOrStop<T>(Func<CancellationToken, Task<T>> call, object? target, string? noun = null) => StopOnFailure(() => Run(call), target, noun);

        /// <summary>Does work (Core calls) whose failure means the command cannot go on: the failure becomes a terminating error.</summary>
        protected T StopOnFailure<T>(Func<T> work, object? target, string? noun = null)
        {
            try
            {
                return work();
            }
            catch (Exception e) when (IsWorkFailure(e))
            {
                ThrowTerminatingError(ErrorRecords.From(e, noun ?? ErrorNoun, target));
                throw; // not reached
            }
        }

        /// <summary>
        /// Cmdlet.WriteObject, after <see cref="NameReferences"/> has put names next to the ids the object refers to.
        /// Hides the base method so that every output goes here.
        /// </summary>
        protected new void WriteObject(object? sendToPipeline)
        {
            NameReferences(sendToPipeline);
            base.WriteObject(sendToPipeline);
        }

        /// <summary>Cmdlet.WriteObject(object, bool), each object enumerated going through <see cref="NameReferences"/> first.</summary>
        protected new void WriteObject(object? sendToPipeline, bool enumerateCollection)
        {
            var many = enumerateCollection ? LanguagePrimitives.GetEnumerable(sendToPipeline) : null;
            if (many == null)
            {
                WriteObject(sendToPipeline);
                return;
            }
            var objects = many.Cast<object?>().ToList();
            objects.ForEach(NameReferences);
            base.WriteObject(objects, enumerateCollection: true);
        }

        /// <summary>Puts names next to the ids an output object refers to (label and split names on items, ...); by default nothing.</summary>
        protected virtual void NameReferences(object? output) { }

        /// <summary>Writes a non-terminating error for a failure that is not a Core call.</summary>
        protected void WriteFailure(Exception exception, object? target, string? noun = null) => WriteError(ErrorRecords.From(exception, noun ?? ErrorNoun, target));

        /// <summary>A progress sink for Core transfers, writing Write-Progress records from the pipeline thread.</summary>
        protected IProgress<TransferProgress> TransferProgress(string activity, int activityId = 1) =>
            new ProgressSink(this, activity, activityId);

        private readonly ProgressThrottle _progressThrottle = new ProgressThrottle();

        /// <summary>WriteProgress, a few times a second at most per activity (see <see cref="ProgressThrottle"/>).</summary>
        internal void WriteThrottledProgress(ProgressRecord record)
        {
            if (_progressThrottle.ShouldWrite(record)) WriteProgress(record);
        }

        internal void PostToPipelineThread(Action action) => _pipelineThread.Post(action);

        /// <summary>Retries go to -Verbose, each attempt (method, path, status, time; no header) to -Debug.</summary>
        private void WriteHttpTrace(HttpTraceEvent line)
        {
            var text = line.ToString();
            if (line.Kind == HttpTraceKind.Retry) PostToPipelineThread(() => WriteVerbose(text));
            else PostToPipelineThread(() => WriteDebug(text));
        }

        /// <summary>A failure of the work itself, not the pipeline being stopped (Ctrl+C, Select-Object -First).</summary>
        protected static bool IsWorkFailure(Exception e) =>
            !(e is PipelineStoppedException) && !(e is OperationCanceledException);
    }
}
