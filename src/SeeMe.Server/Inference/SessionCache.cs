using System.Collections.Concurrent;

namespace SeeMe.Server.Inference;

/// <summary>
/// Loaded models per version, loaded once and reused. An entry is valid for one file stamp
/// (path, last write time, length), so a new upload is picked up even without Invalidate.
/// A replaced or invalidated model is disposed once the last running request has finished.
/// </summary>
internal sealed class SessionCache : IDisposable
{
    private readonly ConcurrentDictionary<string, CachedModel> _entries = new();

    /// <summary>The loaded model of a version; dispose the lease when the run is done.</summary>
    public ModelLease Rent(string versionId, string? modelFilePath)
    {
        var stamp = ModelFile.Stamp(modelFilePath);
        while (true)
        {
            var entry = _entries.GetOrAdd(versionId, _ => new CachedModel(stamp));
            if (entry.Stamp != stamp)
            {
                if (_entries.TryUpdate(versionId, new CachedModel(stamp), entry)) entry.Retire();
                continue;
            }
            if (!entry.TryAcquire()) continue;
            return Lease(versionId, entry);
        }
    }

    public void Invalidate(string versionId)
    {
        if (_entries.TryRemove(versionId, out var entry)) entry.Retire();
    }

    public void Dispose()
    {
        foreach (var versionId in _entries.Keys) Invalidate(versionId);
    }

    private ModelLease Lease(string versionId, CachedModel entry)
    {
        try
        {
            return new ModelLease(entry, entry.Model);
        }
        catch
        {
            // A file that cannot load is not cached: the next request tries again (perhaps after a new upload).
            if (_entries.TryRemove(KeyValuePair.Create(versionId, entry))) entry.Retire();
            entry.Release();
            throw;
        }
    }
}

/// <summary>A cached model with a count of running requests, disposed when retired and idle.</summary>
internal sealed class CachedModel(ModelFileStamp stamp)
{
    private readonly Lazy<LoadedModel> _model = new(() => ModelFile.Load(stamp), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly object _gate = new();
    private int _users;
    private bool _retired;
    private bool _disposed;

    public ModelFileStamp Stamp { get; } = stamp;
    public LoadedModel Model => _model.Value;

    public bool TryAcquire()
    {
        lock (_gate)
        {
            if (_retired) return false;
            _users++;
            return true;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _users--;
            DisposeIfDone();
        }
    }

    public void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            DisposeIfDone();
        }
    }

    private void DisposeIfDone()
    {
        if (!_retired || _users > 0 || _disposed || !_model.IsValueCreated) return;
        _disposed = true;
        _model.Value.Dispose();
    }
}

/// <summary>The use of a cached model by one request.</summary>
internal sealed class ModelLease(CachedModel entry, LoadedModel model) : IDisposable
{
    private int _released;

    public LoadedModel Model { get; } = model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) entry.Release();
    }
}
