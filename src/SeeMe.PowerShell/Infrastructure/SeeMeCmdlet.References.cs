using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Management.Automation;
using System.Threading.Tasks;
using SeeMe.Core.Entities;
using SeeMe.Core.Exceptions;
using Job = SeeMe.Core.Entities.Job;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// How commands find the entities their parameters refer to. An entity parameter (<see cref="EntityFromIdAttribute"/>)
    /// takes the object, its id or its exact name; an -XxxId parameter takes the id. Every one of them is resolved here:
    /// a real object is used as it is, an id is fetched, and a name is looked up among the entities of its kind the user
    /// can see (<see cref="EntityNames"/>). A failure is reported in the entity's own kind (ModelNotFound,
    /// DatasetNameAmbiguous, ...), whatever the command.
    /// </summary>
    public abstract partial class SeeMeCmdlet
    {
        /// <summary>
        /// The whole entity a command works on: <paramref name="given"/> when it is a real object; otherwise fetched by
        /// id (a typed id, or <paramref name="id"/> from an -XxxId parameter), or looked up by the typed name (in the
        /// model or dataset <paramref name="parentId"/> for versions). A failure is a per-item error: written, and false returned.
        /// </summary>
        protected bool TryFetch<T>(T? given, string? id, Func<string, CancellationToken, Task<T>> fetch, out T entity, string? parentId = null)
            where T : SeeMeEntity
        {
            if (given != null && !EntityStubs.IsStub(given))
            {
                entity = given;
                return true;
            }
            return TryRun(Resolution(given, id, fetch, parentId), EntityStubs.NameOf(given) ?? given?.Id ?? id, out entity, typeof(T).Name);
        }

        /// <summary><see cref="TryFetch{T}"/> for an entity without which the command cannot go on: a failure stops it.</summary>
        protected T FetchOrStop<T>(T given, Func<string, CancellationToken, Task<T>> fetch, string? parentId = null) where T : SeeMeEntity =>
            EntityStubs.IsStub(given)
                ? RunOrStop(Resolution(given, null, fetch, parentId), EntityStubs.NameOf(given) ?? given.Id, typeof(T).Name)
                : given;

        /// <summary>
        /// The entity a parameter refers to, when the command needs little more than its id: a real object, or a typed
        /// id as a stand-in carrying that id (nothing is fetched, unless <paramref name="lookUpIds"/>: then it is found
        /// among those the user can see), or the entity a typed name names. True with null when nothing was given;
        /// a failed look-up is a per-item error (written, and false returned).
        /// </summary>
        protected bool TryGetReference<T>(T? given, out T? entity, string? parentId = null, bool lookUpIds = false) where T : SeeMeEntity
        {
            entity = given;
            return !(ToLookUp(given, lookUpIds) is string typed) || TryRun(ct => FindAsync<T>(typed, parentId, ct), typed, out entity, typeof(T).Name);
        }

        /// <summary><see cref="TryGetReference{T}"/> for an entity without which the command cannot go on: a failed look-up stops it.</summary>
        protected T? ReferenceOrStop<T>(T? given, string? parentId = null, bool lookUpIds = false) where T : SeeMeEntity =>
            ToLookUp(given, lookUpIds) is string typed ? RunOrStop(ct => FindAsync<T>(typed, parentId, ct), typed, typeof(T).Name) : given;

        /// <summary>What to look up for a stand-in: its name, or (when ids are looked up too) its id; null for anything else.</summary>
        private static string? ToLookUp(SeeMeEntity? given, bool lookUpIds) =>
            EntityStubs.NameOf(given) ?? (lookUpIds && given != null && EntityStubs.IsStub(given) ? given.Id : null);

        /// <summary>The model given as -Model (object, id or name) or -ModelId, fetched when only its id or name is known.</summary>
        protected bool TryGetModel(Model? model, string? modelId, out Model complete) =>
            TryFetch(model, modelId, (id, ct) => Client.Models.GetAsync(id, ct), out complete);

        /// <summary>The model version given as -Version (object, id or name, in the model <paramref name="modelId"/>) or by ids.</summary>
        protected bool TryGetModelVersion(ModelVersion? version, string? modelId, string? versionId, out ModelVersion complete)
        {
            var parent = version != null && !string.IsNullOrEmpty(version.ModelId) ? version.ModelId : modelId ?? "";
            return TryFetch(version, versionId, (id, ct) => InModelAsync(parent, c => Client.ModelVersions.GetAsync(parent, id, c), ct), out complete, parent);
        }

        /// <summary>
        /// A call on a model's versions; its 404 is checked against the model (a second call, on failure only), so a
        /// missing model is reported as ModelNotFound rather than as a missing version.
        /// </summary>
        private async Task<T> InModelAsync<T>(string modelId, Func<CancellationToken, Task<T>> call, CancellationToken ct)
        {
            try
            {
                return await call(ct).ConfigureAwait(false);
            }
            catch (SeeMeApiException notFound) when (notFound.IsNotFound)
            {
                await ModelMustExistAsync(modelId, ct).ConfigureAwait(false);
                throw;
            }
        }

        private async Task ModelMustExistAsync(string modelId, CancellationToken ct)
        {
            try
            {
                await Client.Models.GetAsync(modelId, ct).ConfigureAwait(false);
            }
            catch (SeeMeApiException missing) when (missing.IsNotFound)
            {
                throw new ExplainedException($"There is no model with the id '{modelId}' that you can see.", "NotFound", ErrorCategory.ObjectNotFound,
                    "Pass the exact name, the id or the object; Get-SeeMeModel lists the ones you can see.", missing, noun: nameof(Model));
            }
        }

        private Func<CancellationToken, Task<T>> Resolution<T>(T? given, string? id, Func<string, CancellationToken, Task<T>> fetch, string? parentId)
            where T : SeeMeEntity
        {
            if (EntityStubs.NameOf(given) is string name) return ct => FindAsync<T>(name, parentId, ct);
            var key = given?.Id ?? id ?? "";
            return ct => fetch(key, ct);
        }

        /// <summary>The one entity of kind <typeparamref name="T"/> the user can see with this id or exact name.</summary>
        private async Task<T> FindAsync<T>(string idOrName, string? parentId, CancellationToken cancellationToken) where T : SeeMeEntity
        {
            var visible = await VisibleAsync(typeof(T), parentId, cancellationToken).ConfigureAwait(false);
            return (T)(object)EntityNames.Single(visible, idOrName, typeof(T).Name);
        }

        /// <summary>The entities of a kind that a name is looked up among: what its listing shows the user.</summary>
        private async Task<IReadOnlyList<NamedEntity>> VisibleAsync(Type kind, string? parentId, CancellationToken ct)
        {
            switch (kind.Name)
            {
                case nameof(Model): return await Client.Models.GetAllAsync(ct).ConfigureAwait(false);
                case nameof(Dataset): return await Client.Datasets.GetAllAsync(ct).ConfigureAwait(false);
                case nameof(ModelVersion): return await InModelAsync(parentId ?? "", c => Client.ModelVersions.GetAllAsync(parentId ?? "", c), ct).ConfigureAwait(false);
                case nameof(DatasetVersion): return await DatasetVersionsAsync(parentId, ct).ConfigureAwait(false);
                case nameof(Job): return await Client.Jobs.GetAllOfEveryTypeAsync(ct).ConfigureAwait(false);
                case nameof(Application): return ResolvedSession.Applications;
                default: throw new NotSupportedException($"A {EntityNames.Words(kind.Name)} is given by its id or as an object; names are not looked up.");
            }
        }

        /// <summary>The versions of one dataset, or of every dataset the user can see (the datasets' listing carries them).</summary>
        private async Task<List<DatasetVersion>> DatasetVersionsAsync(string? datasetId, CancellationToken ct) =>
            string.IsNullOrEmpty(datasetId)
                ? (await Client.Datasets.GetAllAsync(ct).ConfigureAwait(false)).SelectMany(d => d.Versions).ToList()
                : (await Client.Datasets.GetAsync(datasetId!, ct).ConfigureAwait(false)).Versions;
    }
}
