namespace SeeMe.PowerShell
{
    /// <summary>
    /// A command that users pipe many inputs into, which keeps up to -ThrottleLimit requests in
    /// flight (see <see cref="SeeMeCmdlet.RunInput{T}"/>). It declares the parameter itself, so that
    /// only these commands show it.
    /// </summary>
    public interface IThrottledCmdlet
    {
        /// <summary>Requests in flight at most; 0 when not given (the session's default applies).</summary>
        int ThrottleLimit { get; }
    }
}
