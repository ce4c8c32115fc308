using System.Text.RegularExpressions;

namespace FedHealth.Pki.Identity;

/// <summary>
/// The ids certificates are issued to. An id names files (<c>&lt;id&gt;.p12</c>) and sits in a URI,
/// so it is restricted to a safe alphabet and may not start with '.' or '-'.
/// </summary>
public static partial class PeerIds
{
    public const int MaxLength = 64;

    // "ca" would overwrite the authority's own files when a certificate is written into the CA folder.
    private static readonly string[] Reserved = ["ca", "index"];

    public static bool IsValid(string? id) =>
        id is not null && Pattern().IsMatch(id) && !Reserved.Contains(id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns <paramref name="id"/> when valid; otherwise throws a <see cref="PkiException"/> saying why.</summary>
    public static string Validate(string? id)
    {
        if (IsValid(id))
        {
            return id!;
        }

        if (id is not null && Reserved.Contains(id, StringComparer.OrdinalIgnoreCase))
        {
            throw new PkiException($"'{id}' is reserved for the authority's own files: choose another id.");
        }

        throw new PkiException(
            $"'{id}' is not a valid id: use 1–{MaxLength} letters, digits, '-', '_' or '.', starting with a letter or a digit.");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
