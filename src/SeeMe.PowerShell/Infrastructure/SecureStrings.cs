using System.Runtime.InteropServices;
using System.Security;

namespace SeeMe.PowerShell
{
    /// <summary>SecureString to and from text, for handing keys and passwords to Core (never to a stream).</summary>
    internal static class SecureStrings
    {
        public static string PlainText(SecureString secure)
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try { return Marshal.PtrToStringUni(pointer) ?? ""; }
            finally { Marshal.ZeroFreeGlobalAllocUnicode(pointer); }
        }

        public static SecureString From(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
