namespace SeeMe.Core.Http
{
    /// <summary>
    /// What repeating a request would do, and so when it may be retried (see <see cref="RetryPolicy"/>).
    /// The resource clients say it at each call site.
    /// </summary>
    public enum Idempotency
    {
        /// <summary>
        /// Repeating it has the effect of one call: reads, full-object PUTs, deletes, predictions (a repeat
        /// adds at most a history record) and uploads that replace a file. Retried on every transient failure.
        /// </summary>
        Repeatable,

        /// <summary>
        /// It creates something, so a repeat could create it twice. Retried only where the service cannot
        /// have acted: a 429/503 answer, or a connection that failed before the request was sent.
        /// </summary>
        Create,
    }
}
