namespace FedHealth.Pki.Passwords;

/// <summary>
/// Where a PKCS#12 password comes from: a file or an environment variable, never a command-line
/// value (which other users can read in the process list and which lands in shell history).
/// </summary>
public sealed class PasswordSource
{
    private readonly string? _file;
    private readonly string? _variable;

    private PasswordSource(string? file, string? variable)
    {
        _file = file;
        _variable = variable;
    }

    /// <summary>Where the password is read from, for messages; never the password itself.</summary>
    public string Description => _file is not null ? $"the password file {_file}" : $"the environment variable {_variable}";

    public static PasswordSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new PasswordSource(Path.GetFullPath(path), null);
    }

    public static PasswordSource FromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        return new PasswordSource(null, variable);
    }

    /// <summary>The password; a trailing line break in a file is not part of it.</summary>
    public string Read()
    {
        var password = _file is not null ? ReadFile(_file) : Environment.GetEnvironmentVariable(_variable!);
        if (string.IsNullOrEmpty(password))
        {
            throw new PkiException(_file is not null
                ? $"The password file {_file} is empty."
                : $"The environment variable {_variable} is not set or empty.");
        }

        return password;
    }

    public override string ToString() => Description;

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path).TrimEnd('\r', '\n');
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PkiException($"The password file {path} does not exist.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new PkiException($"The password file {path} cannot be read: permission denied.", ex);
        }
    }
}
