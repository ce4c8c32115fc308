namespace FedHealth.Core.Ids;

/// <summary>Identity of a hospital site, as enrolled in the study (and, in deployment, in its certificate).</summary>
public readonly record struct SiteId(string Value) : IComparable<SiteId>
{
    public int CompareTo(SiteId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
