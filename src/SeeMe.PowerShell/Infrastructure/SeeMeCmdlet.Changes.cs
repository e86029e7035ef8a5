using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// How commands find what they change and confirm it: "object or id" fetching, the house
    /// ShouldProcess text, and the Set-*, Remove-* and Save-* flows.
    /// </summary>
    public abstract partial class SeeMeCmdlet
    {
        private bool _replaceAll;
        private bool _replaceNone;

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

        /// <summary>
        /// Cmdlet.ShouldProcess, except where PowerShell cannot ask (pwsh -NonInteractive, a hosted engine): there a
        /// change that needs a confirmation stops with an error that says to add -Confirm:$false, instead of the
        /// host's "cannot prompt" error that does not say what to do. Hides the base method so every call goes here.
        /// </summary>
        protected new bool ShouldProcess(string target, string action)
        {
            try
            {
                return base.ShouldProcess(target, action);
            }
            catch (Exception e) when (e is HostException || e is PSInvalidOperationException)
            {
                throw CannotAsk(target, action, e);
            }
        }

        /// <summary>
        /// ShouldProcess for a change of high impact (a deletion) made by a command of lower impact (Sync-*): asked as
        /// a Remove-* asks, unless -Confirm:$false or $ConfirmPreference = 'None' (Yes to All / No to All hold for the
        /// rest of the command); where PowerShell cannot ask, an error that says to add -Confirm:$false.
        /// </summary>
        protected bool ShouldProcessHighImpact(string target, string action)
        {
            if (!ShouldProcess(target, action)) return false;
            if (IsBound("Confirm") || ConfirmPreference != ConfirmImpact.High) return true; // asked already, or not to be asked
            try
            {
                return ShouldContinue($"{action}: {target}?", "Confirm", ref _highImpactYesToAll, ref _highImpactNoToAll);
            }
            catch (Exception e) when (e is HostException || e is PSInvalidOperationException)
            {
                throw CannotAsk(target, action, e);
            }
        }

        private bool _highImpactYesToAll;
        private bool _highImpactNoToAll;

        private ConfirmImpact ConfirmPreference =>
            LanguagePrimitives.TryConvertTo<ConfirmImpact>(SessionState.PSVariable.GetValue("ConfirmPreference"), out var preference) ? preference : ConfirmImpact.High;

        /// <summary>True under -WhatIf (or $WhatIfPreference): the command shows what it would do and writes nothing, anywhere.</summary>
        protected bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? ((SwitchParameter)whatIf).IsPresent
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        /// <summary>Stops the command where PowerShell cannot ask (pwsh -NonInteractive, a hosted engine), saying what to add.</summary>
        private Exception CannotAsk(string target, string action, Exception hostFailure)
        {
            var message = $"{MyInvocation.MyCommand.Name} asks before it does \"{action}\" on {target}, and this PowerShell cannot ask " +
                          "(it runs non-interactively). Add -Confirm:$false to go ahead without asking, or -WhatIf to see what it would do.";
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message, hostFailure), ErrorNoun + "ConfirmationRequired", ErrorCategory.InvalidOperation, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Add -Confirm:$false." },
            });
            return hostFailure; // not reached
        }

        /// <summary>ShouldProcess with the house target (see <see cref="Describe(string, string, string)"/>).</summary>
        protected bool ShouldChange(string kind, string name, string id, string action) => ShouldProcess(Describe(kind, name, id), action);

        /// <summary>ShouldProcess with the house target of an entity.</summary>
        protected bool ShouldChange(string kind, SeeMeEntity entity, string action) => ShouldProcess(Describe(kind, entity), action);

        /// <summary>
        /// The Set-* flow: confirms, applies <paramref name="edit"/> to a copy (the caller's object stays as the
        /// server sent it), PUTs it and writes the result with -PassThru.
        /// </summary>
        protected void Update<T>(string kind, T entity, Action<T> edit, Func<T, CancellationToken, Task<T>> put, bool passThru, string action = "Update") where T : SeeMeEntity
        {
            if (!ShouldChange(kind, entity, action)) return;
            var copy = entity.DeepCopy();
            edit(copy);
            if (TryRun(ct => put(copy, ct), entity, out var updated) && passThru) WriteObject(updated);
        }

        /// <summary>What every Set-* of a named entity changes: its name and description, each only when given.</summary>
        protected static void ApplyNameAndDescription(NamedEntity entity, string? name, string? description)
        {
            if (name != null) entity.Name = name;
            if (description != null) entity.Description = description;
        }

        /// <summary>The Remove-* flow: confirms, deletes (as a per-input call, see <see cref="RunInput{T}"/>) and writes the deleted object with -PassThru.</summary>
        protected void Remove<T>(string kind, SeeMeEntity entity, Func<CancellationToken, Task<T>> delete, bool passThru, string action = "Remove")
        {
            if (!ShouldChange(kind, entity, action)) return;
            RunInput(delete, entity, deleted => { if (passThru) WriteObject(deleted); });
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
    }
}
