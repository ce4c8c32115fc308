namespace FedHealth.Node.SecureAggregation;

/// <summary>FNV-1a: the same value in every process (string.GetHashCode is randomised per process).</summary>
internal static class StableHash
{
    public static long Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
