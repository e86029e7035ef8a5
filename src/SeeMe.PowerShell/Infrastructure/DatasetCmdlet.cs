using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// What the dataset-family cmdlets share beyond <see cref="SeeMeCmdlet"/>: the
    /// "Kind 'name' (id)" text of ShouldProcess, and the confirm → call → -PassThru flow of
    /// Set-* and Remove-* (edits go to a copy, so the caller's object stays as the server sent it).
    /// </summary>
    public abstract class DatasetCmdlet : SeeMeCmdlet
    {
        /// <summary>"DatasetLabel 'cat' (3f2…)" for ShouldProcess.</summary>
        protected static string Describe(string kind, SeeMeEntity entity) => entity switch
        {
            NamedEntity named when named.Id.Length == 0 => $"{kind} '{named.Name}'",
            NamedEntity named => $"{kind} '{named.Name}' ({named.Id})",
            Annotation annotation => $"{kind} '{annotation.LabelId}' ({annotation.Id})",
            _ => $"{kind} ({entity.Id})",
        };

        /// <summary>True when the parameter was given (for "unchanged unless given" edits).</summary>
        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>Confirms, applies <paramref name="edit"/> to a copy, PUTs it and writes it with -PassThru.</summary>
        protected void Update<T>(string kind, T entity, Action<T> edit, Func<T, CancellationToken, Task<T>> put, bool passThru) where T : SeeMeEntity
        {
            if (!ShouldProcess(Describe(kind, entity), "Update")) return;
            var copy = Copy(entity);
            edit(copy);
            if (TryRun(ct => put(copy, ct), entity, out var updated) && passThru) WriteObject(updated);
        }

        /// <summary>Confirms, deletes and writes the deleted object with -PassThru.</summary>
        protected void Remove<T>(string kind, SeeMeEntity entity, Func<CancellationToken, Task<T>> delete, bool passThru, string action = "Remove")
        {
            if (!ShouldProcess(Describe(kind, entity), action)) return;
            if (TryRun(delete, entity, out var deleted) && passThru) WriteObject(deleted);
        }

        /// <summary>A deep copy, parent ids (client-side fields) included.</summary>
        protected static T Copy<T>(T entity) where T : SeeMeEntity
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

        /// <summary>
        /// The files named by -Path (wildcards expanded by the provider) or -LiteralPath (as written);
        /// a path that matches nothing is a non-terminating error.
        /// </summary>
        protected List<string> ResolveFiles(string[]? path, string[]? literalPath)
        {
            var files = new List<string>();
            foreach (var literal in literalPath ?? new string[0])
                files.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(literal));
            foreach (var pattern in path ?? new string[0])
            {
                try
                {
                    files.AddRange(SessionState.Path.GetResolvedProviderPathFromPSPath(pattern, out _));
                }
                catch (ItemNotFoundException e)
                {
                    WriteError(new ErrorRecord(new FileNotFoundException(e.Message, pattern), "PathNotFound", ErrorCategory.ObjectNotFound, pattern));
                }
            }
            return files;
        }

        /// <summary>A folder given as a PowerShell path (relative to the current location), as a file-system path.</summary>
        protected string ResolveFolder(string? folder) =>
            SessionState.Path.GetUnresolvedProviderPathFromPSPath(string.IsNullOrEmpty(folder) ? "." : folder);

        /// <summary>Stops the command: the parameters given cannot locate what it works on.</summary>
        protected void StopWithInvalidArgument(string message, string errorId, object? target) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));
    }
}
