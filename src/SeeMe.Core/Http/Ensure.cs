using System;

namespace SeeMe.Core.Http
{
    /// <summary>Argument guards for the public client calls.</summary>
    internal static class Ensure
    {
        public static string NotNullOrEmpty(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} must not be empty.", name);
            return value!;
        }

        public static T NotNull<T>(T? value, string name) where T : class =>
            value ?? throw new ArgumentNullException(name);
    }
}
