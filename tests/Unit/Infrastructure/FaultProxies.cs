namespace SeeMe.Tests.Infrastructure;

/// <summary>The fault proxies a test class opens in front of its server, all closed with the class.</summary>
public sealed class FaultProxies(Uri upstream) : IAsyncDisposable
{
    private readonly List<FaultProxy> _open = [];

    public FaultProxy Open(Func<ProxiedRequest, Fault> decide, int port = 0)
    {
        var proxy = new FaultProxy(upstream, decide, port);
        _open.Add(proxy);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _open) await proxy.DisposeAsync();
    }
}
