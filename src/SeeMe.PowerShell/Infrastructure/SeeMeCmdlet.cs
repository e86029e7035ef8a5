using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core;
using SeeMe.Core.Files;
using SeeMe.Core.Http;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// What every SeeMe cmdlet shares: the session (-Session or the current one), waiting for Core
    /// calls on the pipeline thread, Ctrl+C cancelling the call in flight, progress, and turning
    /// failures into ErrorRecords. Commands translate PowerShell into one client call each.
    /// </summary>
    public abstract class SeeMeCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly PipelineThreadQueue _pipelineThread = new PipelineThreadQueue();
        private SeeMeSession? _session;
        private bool _replaceAll;
        private bool _replaceNone;

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
        protected string ErrorNoun
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

        protected override void StopProcessing() => _cancellation.Cancel();

        protected override void EndProcessing() => _cancellation.Dispose();

        /// <summary>Runs a Core call and waits for it on the pipeline thread (progress is written meanwhile).</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> call)
        {
            try
            {
                return _pipelineThread.Wait(call(CancellationToken));
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Runs a Core call for one pipeline item; on failure writes a non-terminating error (with
        /// <paramref name="target"/>) and returns false, so the pipeline goes on with the next item.
        /// </summary>
        protected bool TryRun<T>(Func<CancellationToken, Task<T>> call, object? target, out T result)
        {
            try
            {
                result = Run(call);
                return true;
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                WriteError(ErrorRecords.From(e, ErrorNoun, target));
                result = default!;
                return false;
            }
        }

        /// <summary>Runs a Core call whose failure means the command cannot go on.</summary>
        protected T RunOrStop<T>(Func<CancellationToken, Task<T>> call, object? target)
        {
            try
            {
                return Run(call);
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                ThrowTerminatingError(ErrorRecords.From(e, ErrorNoun, target));
                throw; // not reached
            }
        }

        /// <summary>Writes a non-terminating error for a failure that is not a Core call.</summary>
        protected void WriteFailure(Exception exception, object? target) => WriteError(ErrorRecords.From(exception, ErrorNoun, target));

        /// <summary>A progress sink for Core transfers, writing Write-Progress records from the pipeline thread.</summary>
        protected IProgress<TransferProgress> TransferProgress(string activity, int activityId = 1) =>
            new ProgressSink(this, activity, activityId);

        /// <summary>Progress of a multi-item pipeline ("3 of 10").</summary>
        protected void WriteItemProgress(string activity, string status, int done, int total, int activityId = 2)
        {
            var record = new ProgressRecord(activityId, activity, status);
            if (total > 0) record.PercentComplete = Math.Min(100, done * 100 / total);
            WriteProgress(record);
        }

        /// <summary>
        /// The whole entity a command works on: <paramref name="given"/> when it is a real object; otherwise fetched
        /// by id, the id of an id-only stand-in (see <see cref="EntityFromIdAttribute"/>) or <paramref name="id"/>
        /// (an -XxxId parameter). A failed fetch is a per-item error: written, and false returned.
        /// Every "object or id" parameter goes through here (TryGetModel, TryGetDataset, TryGetEntity, ...).
        /// </summary>
        protected bool TryFetch<T>(T? given, string? id, Func<string, CancellationToken, Task<T>> fetch, out T entity) where T : SeeMeEntity
        {
            if (given != null && !EntityStubs.IsStub(given))
            {
                entity = given;
                return true;
            }
            var key = given?.Id ?? id ?? "";
            return TryRun(ct => fetch(key, ct), key, out entity);
        }

        /// <summary>The model given as -Model (object or id) or -ModelId, fetched when only the id is known.</summary>
        protected bool TryGetModel(Model? model, string? modelId, out Model complete) =>
            TryFetch(model, modelId, (id, ct) => Client.Models.GetAsync(id, ct), out complete);

        /// <summary>The model version given as -Version (object or id, with the model from <paramref name="modelId"/>) or by ids.</summary>
        protected bool TryGetModelVersion(ModelVersion? version, string? modelId, string? versionId, out ModelVersion complete)
        {
            var parent = version != null && !string.IsNullOrEmpty(version.ModelId) ? version.ModelId : modelId ?? "";
            return TryFetch(version, versionId, (id, ct) => Client.ModelVersions.GetAsync(parent, id, ct), out complete);
        }

        /// <summary>True when the user gave the parameter (so a switch given as -X:$false still counts as a change).</summary>
        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>The house ShouldProcess target: "&lt;Kind&gt; '&lt;name&gt;' (&lt;id&gt;)", or "&lt;Kind&gt; '&lt;name&gt;'" before it has an id.</summary>
        protected static string Describe(string kind, string name, string id) =>
            string.IsNullOrEmpty(id) ? $"{kind} '{name}'" : $"{kind} '{name}' ({id})";

        /// <summary><see cref="Describe(string, string, string)"/> of an entity ("DatasetLabel 'cat' (3f2…)").</summary>
        protected static string Describe(string kind, SeeMeEntity entity) => entity switch
        {
            NamedEntity named => Describe(kind, named.Name, named.Id),
            Annotation annotation => Describe(kind, annotation.LabelId, annotation.Id),
            _ => $"{kind} ({entity.Id})",
        };

        /// <summary>ShouldProcess with the house target (see <see cref="Describe(string, string, string)"/>).</summary>
        protected bool ShouldChange(string kind, string name, string id, string action) => ShouldProcess(Describe(kind, name, id), action);

        /// <summary>ShouldProcess with the house target of an entity.</summary>
        protected bool ShouldChange(string kind, SeeMeEntity entity, string action) => ShouldProcess(Describe(kind, entity), action);

        /// <summary>
        /// The Set-* flow: confirms, applies <paramref name="edit"/> to a copy (the caller's object stays as the
        /// server sent it), PUTs it and writes the result with -PassThru.
        /// </summary>
        protected void Update<T>(string kind, T entity, Action<T> edit, Func<T, CancellationToken, Task<T>> put, bool passThru) where T : SeeMeEntity
        {
            if (!ShouldChange(kind, entity, "Update")) return;
            var copy = Copy(entity);
            edit(copy);
            if (TryRun(ct => put(copy, ct), entity, out var updated) && passThru) WriteObject(updated);
        }

        /// <summary>The Remove-* flow: confirms, deletes and writes the deleted object with -PassThru.</summary>
        protected void Remove<T>(string kind, SeeMeEntity entity, Func<CancellationToken, Task<T>> delete, bool passThru, string action = "Remove")
        {
            if (!ShouldChange(kind, entity, action)) return;
            if (TryRun(delete, entity, out var deleted) && passThru) WriteObject(deleted);
        }

        /// <summary>
        /// The Save-* flow, before anything is written: ShouldProcess("&lt;target&gt;", "Save &lt;what&gt; to &lt;file&gt;"),
        /// then <see cref="ConfirmReplace"/> when <paramref name="file"/> exists.
        /// </summary>
        protected bool ShouldSave(string target, string what, string file, bool force) =>
            ShouldProcess(target, $"Save {what} to {file}") && ConfirmReplace(file, File.Exists(file), $"'{file}' exists. Replace it?", force);

        /// <summary>
        /// The one place where a command replaces local files: nothing to replace, -Force, or the user's yes to
        /// ShouldContinue (Yes to All / No to All hold for the rest of the pipeline). A declined replacement is
        /// skipped with a verbose message. A host that cannot ask (a hosted engine, pwsh -NonInteractive) makes it
        /// a non-terminating &lt;Noun&gt;FileExists error instead, so the file is never replaced silently and the
        /// pipeline goes on.
        /// </summary>
        protected bool ConfirmReplace(string target, bool exists, string query, bool force)
        {
            if (!exists || force) return true;
            try
            {
                if (ShouldContinue(query, "Replace file", ref _replaceAll, ref _replaceNone)) return true;
            }
            catch (Exception e) when (e is HostException || e is PSInvalidOperationException)
            {
                WriteError(ErrorRecords.FileExists(ErrorNoun, target, e));
                return false;
            }
            WriteVerbose($"Skipped: '{target}' exists and was not replaced.");
            return false;
        }

        /// <summary>Stops the command: the parameters given cannot locate what it works on.</summary>
        protected void StopWithInvalidArgument(string message, string errorId, object? target) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));

        /// <summary>
        /// The files a -Path (wildcards) or -LiteralPath names, resolved by the provider (see <see cref="ProviderPaths"/>);
        /// with <paramref name="foldersToo"/> folders count as well. A name that matches nothing is a non-terminating
        /// &lt;Noun&gt;FileNotFound error and gives an empty list.
        /// </summary>
        protected IReadOnlyList<string> ResolvePaths(string path, bool literal, bool foldersToo = false)
        {
            try
            {
                return ProviderPaths.ResolveFiles(this, path, literal, foldersToo);
            }
            catch (FileNotFoundException e)
            {
                WriteFailure(e, path);
                return new string[0];
            }
        }

        /// <summary>
        /// The one file (or folder, with <paramref name="foldersToo"/>) a command takes from -Path or -LiteralPath;
        /// null after a FileNotFound error; a wildcard matching several stops the command (&lt;Noun&gt;PathAmbiguous).
        /// </summary>
        protected string? ResolveOnePath(string path, bool literal, string what, bool foldersToo = false)
        {
            var paths = ResolvePaths(path, literal, foldersToo);
            if (paths.Count > 1) StopWithInvalidArgument($"'{path}' matches {paths.Count} paths; give {what}.", ErrorNoun + "PathAmbiguous", path);
            return paths.Count == 1 ? paths[0] : null;
        }

        /// <summary>
        /// The one .jpg/.jpeg/.png image a Set-*Logo or Set-SeeMeDatasetItemImage takes, checked before any upload;
        /// null after writing the error (missing file, wrong extension).
        /// </summary>
        protected string? ResolveImage(string path, bool literal)
        {
            var image = ResolveOnePath(path, literal, "one image");
            if (image == null) return null;
            try
            {
                LocalFiles.ImageContentType(image);
                return image;
            }
            catch (ArgumentException e)
            {
                WriteFailure(e, path);
                return null;
            }
        }

        /// <summary>The folder -Destination names (default: the current location), as a file-system path.</summary>
        protected string ResolveFolder(string? destination) => ProviderPaths.ResolveFolder(this, destination);

        /// <summary>A deep copy, parent ids (client-side fields) included.</summary>
        private static T Copy<T>(T entity) where T : SeeMeEntity
        {
            var copy = SeeMeJson.Deserialize<T>(SeeMeJson.Serialize(entity));
            switch (entity)
            {
                case DatasetItem item:
                    var itemCopy = (DatasetItem)(object)copy;
                    itemCopy.DatasetId = item.DatasetId;
                    itemCopy.DatasetVersionId = item.DatasetVersionId;
                    break;
                case DatasetVersionChild child:
                    ((DatasetVersionChild)(object)copy).DatasetId = child.DatasetId;
                    break;
                case Annotation annotation:
                    var annotationCopy = (Annotation)(object)copy;
                    annotationCopy.DatasetId = annotation.DatasetId;
                    annotationCopy.DatasetVersionId = annotation.DatasetVersionId;
                    break;
            }
            return copy;
        }

        internal void PostToPipelineThread(Action action) => _pipelineThread.Post(action);

        internal void WriteFailureFor(Exception exception, object? target) => WriteFailure(exception, target);

        private static bool IsItemFailure(Exception e) =>
            !(e is PipelineStoppedException) && !(e is OperationCanceledException);

        private sealed class ProgressSink : IProgress<TransferProgress>
        {
            private readonly SeeMeCmdlet _cmdlet;
            private readonly string _activity;
            private readonly int _activityId;

            public ProgressSink(SeeMeCmdlet cmdlet, string activity, int activityId)
            {
                _cmdlet = cmdlet;
                _activity = activity;
                _activityId = activityId;
            }

            public void Report(TransferProgress value)
            {
                var done = value.TotalBytes is long total && value.BytesTransferred >= total;
                var record = new ProgressRecord(_activityId, _activity, $"{value.FileName}: {Bytes(value.BytesTransferred)}" +
                                                                        (value.TotalBytes is long t ? $" of {Bytes(t)}" : ""))
                {
                    PercentComplete = value.Percent,
                    RecordType = done ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                };
                _cmdlet.PostToPipelineThread(() => _cmdlet.WriteProgress(record));
            }

            private static string Bytes(long n) => n >= 1 << 20 ? $"{n / 1048576.0:0.0} MB" : $"{n / 1024.0:0.0} KB";
        }
    }
}
