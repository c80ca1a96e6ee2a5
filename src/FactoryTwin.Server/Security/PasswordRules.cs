namespace FactoryTwin.Server.Security;

/// <summary>The rules every password set through the API or the dashboard follows.</summary>
internal static class PasswordRules
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinLength = 12;

    /// <summary>The longest password accepted (hashing cost grows with the length).</summary>
    public const int MaxLength = 256;

    /// <summary>Checks a new password.</summary>
    /// <param name="field">The name of the request field, for the message.</param>
    /// <param name="password">The password.</param>
    /// <param name="userName">The user it is for.</param>
    /// <returns>What is wrong, naming <paramref name="field"/>, or <see langword="null"/> when the password is acceptable.</returns>
    public static string? Check(string field, string? password, string userName)
    {
        if (string.IsNullOrEmpty(password))
        {
            return $"{field} is required.";
        }

        if (password.Length < MinLength)
        {
            return $"{field} must have at least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"{field} must have at most {MaxLength} characters.";
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            return $"{field} must not be only spaces.";
        }

        if (string.Equals(password, userName, StringComparison.OrdinalIgnoreCase))
        {
            return $"{field} must not be the user name.";
        }

        return null;
    }
}
