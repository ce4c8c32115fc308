using System.Diagnostics.CodeAnalysis;
using FedHealth.Core.Ids;
using FedHealth.Pki.Identity;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>
/// The checks a message contract is written in. Each names the member it refuses and never its
/// value, and throws a <see cref="ProtocolViolationException"/> for the message's manifest.
/// </summary>
internal sealed class WireCheck(string manifest)
{
    public string Manifest => manifest;

    public T Present<T>([NotNull] T? value, string member)
        where T : class =>
        value ?? throw Refuse(RefusalReason.MissingMember, $"{member} is missing");

    public void Site(SiteId site, string member)
    {
        if (site.Value is null)
        {
            throw Refuse(RefusalReason.MissingMember, $"{member} is missing");
        }

        if (!PeerIds.IsValid(site.Value))
        {
            throw Refuse(RefusalReason.InvalidId, $"{member} is not a valid site id (1–{PeerIds.MaxLength} letters, digits, '-', '_' or '.')");
        }
    }

    public void Sites(IReadOnlyList<SiteId>? sites, string member, int min = 0)
    {
        Count(Present(sites, member).Count, min, WireLimits.MaxSites, member);
        for (var i = 0; i < sites.Count; i++)
        {
            Site(sites[i], $"{member}[{i}]");
        }
    }

    public void Study(StudyId study, string member = "Study")
    {
        if (study.Value is null)
        {
            throw Refuse(RefusalReason.MissingMember, $"{member} is missing");
        }

        if (study.Value.Length is 0 or > WireLimits.MaxStudyIdLength || !IsPrintable(study.Value))
        {
            throw Refuse(RefusalReason.InvalidId, $"{member} is not a valid study id (1–{WireLimits.MaxStudyIdLength} printable characters)");
        }
    }

    public void Text([NotNull] string? text, string member, int maxLength = WireLimits.MaxTextLength)
    {
        if (Present(text, member).Length > maxLength || !IsPrintable(text))
        {
            throw Refuse(RefusalReason.InvalidText, $"{member} is not printable text of at most {maxLength} characters");
        }
    }

    public void Bytes(byte[]? bytes, string member, int min = 1, int max = WireLimits.MaxSmallBytes) =>
        Count(Present(bytes, member).Length, min, max, member + " length");

    public void Count(long value, long min, long max, string member)
    {
        if (value < min || value > max)
        {
            throw Refuse(RefusalReason.OutOfRange, $"{member} is outside [{min}, {max}]");
        }
    }

    public void List<T>(IReadOnlyList<T>? items, string member, Action<T, string> each, int min = 0, int max = WireLimits.MaxSites)
    {
        Count(Present(items, member).Count, min, max, member + " count");
        for (var i = 0; i < items.Count; i++)
        {
            each(items[i], $"{member}[{i}]");
        }
    }

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public void Finite(double value, string member, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!double.IsFinite(value))
        {
            throw Refuse(RefusalReason.NotFinite, $"{member} is not a finite number");
        }

        if (value < min || value > max)
        {
            throw Refuse(RefusalReason.OutOfRange, $"{member} is outside [{min}, {max}]");
        }
    }

    /// <summary>NaN (the protocol's "not reported") or a finite number in range; never infinite.</summary>
    public void FiniteOrNaN(double value, string member, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!double.IsNaN(value))
        {
            Finite(value, member, min, max);
        }
    }

    public void Known<TEnum>(TEnum value, string member)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw Refuse(RefusalReason.UnknownEnum, $"{member} is not a known {typeof(TEnum).Name}");
        }
    }

    public ProtocolViolationException Refuse(RefusalReason reason, string problem) => new(manifest, reason, problem);

    private static bool IsPrintable(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFFFD')
            {
                return false;
            }
        }

        return true;
    }
}
