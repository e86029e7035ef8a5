using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace SeeMe.Core.Http
{
    /// <summary>Names the client on every request (firewalls and CDNs refuse requests without a User-Agent).</summary>
    internal sealed class UserAgentHandler : DelegatingHandler
    {
        private readonly ProductInfoHeaderValue[] _products;

        public UserAgentHandler(ProductInfoHeaderValue[] products) =>
            _products = products.Length == 0 ? new[] { SeeMeConnectionOptions.CoreProduct } : products;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.UserAgent.Clear();
            foreach (var product in _products) request.Headers.UserAgent.Add(product);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
