using FedHealth.Core.Ids;

namespace FedHealth.Core.Data;

/// <summary>
/// A site whose rows are imputed and standardised with statistics pooled over all sites: it
/// contributes its own sufficient statistics (encoded for a secure sum, so no one sees them) and
/// prepares its training and test rows once the pooled sum arrives.
/// </summary>
public interface IPooledPreprocessing
{
    SiteId Site { get; }

    /// <summary>Length of the encoded statistics (the same at every site with the same schema).</summary>
    int StatisticsLength { get; }

    /// <summary>This site's statistics in fixed point, two's complement mod 2^<paramref name="modulusBits"/>.</summary>
    ulong[] EncodeStatistics(int modulusBits);

    /// <summary>The site's rows, imputed and standardised with the statistics decoded from the pooled sum.</summary>
    SiteData Prepare(ReadOnlySpan<ulong> pooledSum, int modulusBits);

    /// <summary>The site's rows, imputed and standardised with its own training statistics (studies that do not pool them).</summary>
    SiteData PrepareWithOwnStatistics();
}
