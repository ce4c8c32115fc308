using FedHealth.SecureAggregation.SecureSum;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Preprocessing.Federated;

namespace FedHealth.Training.Tests.Preprocessing.Federated;

public sealed class StatisticsEncodingTests
{
    private static readonly FeatureLayout Layout = new(GappySites.Names, ["chol", "delta"]);

    private static SufficientStatistics OneColumn(long rows, double sum, double squares) =>
        new(rows, [new ColumnSums(rows, sum, squares)]);

    [Fact]
    public void The_vector_length_follows_from_the_number_of_raw_columns_alone()
    {
        Assert.Equal(2, StatisticsEncoding.Length(0));
        Assert.Equal(41, StatisticsEncoding.Length(13));
        Assert.Equal(StatisticsEncoding.Length(4), new StatisticsEncoding().Encode(SufficientStatistics.FromTraining(GappySites.Site(1, 10), Layout)).Length);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(48)]
    public void Encoded_sites_summed_mod_2_to_the_m_decode_to_their_pooled_statistics_within_half_a_step_per_site(int modulusBits)
    {
        var encoding = new StatisticsEncoding(modulusBits, maxSites: 16);
        var sites = Enumerable.Range(1, 5).Select(s => SufficientStatistics.FromTraining(GappySites.Site(s, 40 * s), Layout)).ToList();

        var pooled = encoding.Decode(PooledReference.ModularSum(sites.Select(encoding.Encode), modulusBits));

        var exact = sites.Aggregate(SufficientStatistics.Add);
        var step = sites.Count * Math.ScaleB(1, -encoding.FractionBits - 1);
        Assert.Equal((exact.Rows, step), (pooled.Rows, pooled.SumError));
        for (var c = 0; c < exact.Columns.Length; c++)
        {
            Assert.Equal(exact.Columns[c].Observed, pooled.Columns[c].Observed);
            Assert.InRange(pooled.Columns[c].Sum - exact.Columns[c].Sum, -step, step);
            Assert.InRange(pooled.Columns[c].SumOfSquares - exact.Columns[c].SumOfSquares, -step, step);
        }
    }

    [Fact]
    public void Pooling_in_process_gives_exactly_what_the_modular_sum_decodes_to()
    {
        var encoding = new StatisticsEncoding();
        var sites = Enumerable.Range(1, 4).Select(s => SufficientStatistics.FromTraining(GappySites.Site(s, 60), Layout)).ToList();

        var pooled = encoding.Pool(sites);

        var summed = encoding.Decode(PooledReference.ModularSum(sites.Select(encoding.Encode), encoding.ModulusBits));
        Assert.Equal(summed.Rows, pooled.Rows);
        Assert.Equal(summed.Columns.ToArray(), pooled.Columns.ToArray());
    }

    [Fact]
    public void Negative_sums_travel_in_twos_complement_and_come_back_negative()
    {
        var encoding = new StatisticsEncoding();
        var north = OneColumn(3, -12.5, 60.25);
        var south = OneColumn(2, -7.75, 30.0625);

        var vectors = new[] { north, south }.Select(encoding.Encode).ToList();
        var pooled = encoding.Decode(PooledReference.ModularSum(vectors, 64));

        Assert.True(vectors[0][3] > 1UL << 63, "a negative sum is a large residue");
        Assert.Equal(new ColumnSums(5, -20.25, 90.3125), pooled.Columns[0]);
    }

    [Fact]
    public void Sums_are_rounded_to_the_nearest_step_with_ties_to_even()
    {
        var encoding = new StatisticsEncoding(fractionBits: 16);
        var step = Math.ScaleB(1, -16);

        long Steps(double sum) => SignedEncoding.Decode(encoding.Encode(OneColumn(1, sum, 0))[3], 64);

        Assert.Equal([2L, 4, -2, -4, 3, 3], new[] { 2.5, 3.5, -2.5, -3.5, 2.6, 3.4 }.Select(s => Steps(s * step)));
        Assert.Equal(encoding.Encode(OneColumn(7, 1.1, 2.2)), encoding.Encode(OneColumn(7, 1.1, 2.2)));
    }

    [Fact]
    public void A_cholesterol_like_column_of_ten_thousand_rows_fits_the_defaults_for_a_thousand_sites()
    {
        var encoding = new StatisticsEncoding();
        var site = OneColumn(10_000, 600.0 * 10_000, 600.0 * 600 * 10_000);

        var pooled = encoding.Decode(PooledReference.ModularSum(Enumerable.Repeat(encoding.Encode(site), 1000), 64));

        Assert.Equal(1000 * 3.6e9, pooled.Columns[0].SumOfSquares);
        Assert.Throws<StatisticsOverflowException>(() => encoding.Encode(OneColumn(10_000, 1, 40 * 3.6e9)));
    }

    [Fact]
    public void Sites_at_the_bound_sum_without_wrapping_and_one_step_more_is_refused()
    {
        var encoding = new StatisticsEncoding(modulusBits: 32, fractionBits: 16, maxSites: 4);
        var limit = (double)encoding.MaxAbsPerSite / encoding.Scale;
        Assert.Equal(((1UL << 31) - 1) / 4, (ulong)encoding.MaxAbsPerSite);

        var high = encoding.Decode(PooledReference.ModularSum(Enumerable.Repeat(encoding.Encode(OneColumn(1, limit, limit)), 4), 32));
        var low = encoding.Decode(PooledReference.ModularSum(Enumerable.Repeat(encoding.Encode(OneColumn(1, -limit, 0)), 4), 32));

        Assert.Equal(4 * limit, high.Columns[0].Sum);
        Assert.Equal(-4 * limit, low.Columns[0].Sum);
        Assert.Throws<StatisticsOverflowException>(() => encoding.Encode(OneColumn(1, limit + (1 / encoding.Scale), 0)));
        Assert.Throws<StatisticsOverflowException>(() => encoding.Encode(OneColumn(1, -limit - (1 / encoding.Scale), 0)));
    }

    [Fact]
    public void A_site_refuses_a_statistic_too_large_naming_the_column_but_not_the_value()
    {
        var encoding = new StatisticsEncoding(modulusBits: 32, fractionBits: 16, maxSites: 10);
        var statistics = new SufficientStatistics(20, [new ColumnSums(20, 10, 30), new ColumnSums(20, 6000, 1_800_000)]);

        var error = Assert.Throws<StatisticsOverflowException>(() => encoding.Encode(statistics));

        Assert.Equal(1, error.Column);
        Assert.Contains("raw column 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("6000", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("6 000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sum_of_squares_too_large_is_refused_even_when_the_sum_fits()
    {
        var encoding = new StatisticsEncoding(modulusBits: 32, fractionBits: 16, maxSites: 10);

        var error = Assert.Throws<StatisticsOverflowException>(() => encoding.Encode(OneColumn(40, 400, 4000)));

        Assert.Equal(0, error.Column);
        Assert.Contains("sum of squares of raw column 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_value_is_refused_before_anything_is_encoded()
    {
        var rows = GappySites.Table([40, float.PositiveInfinity, 1, 1]);

        var error = Assert.Throws<ArgumentException>(() => SufficientStatistics.FromTraining(rows, Layout));

        Assert.Contains("Raw column 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vector_that_is_not_two_plus_three_per_column_long_cannot_be_decoded()
    {
        var encoding = new StatisticsEncoding();

        Assert.Throws<ArgumentException>(() => encoding.Decode(new ulong[3]));
        Assert.Throws<ArgumentException>(() => encoding.Decode(new ulong[1]));
        Assert.Empty(encoding.Decode(new ulong[2]).Columns);
    }

    [Fact]
    public void A_sum_of_more_vectors_than_the_encoding_allows_is_not_decoded_since_it_may_have_wrapped()
    {
        var encoding = new StatisticsEncoding(maxSites: 3);
        var vector = encoding.Encode(OneColumn(1, 1, 1));

        Assert.Equal(3, encoding.Decode(PooledReference.ModularSum(Enumerable.Repeat(vector, 3), 64)).Rows);
        Assert.Throws<ArgumentException>(() => encoding.Decode(PooledReference.ModularSum(Enumerable.Repeat(vector, 4), 64)));
    }

    [Theory]
    [InlineData(1, 16, 1)]
    [InlineData(65, 16, 1)]
    [InlineData(64, -1, 1)]
    [InlineData(64, 63, 1)]
    [InlineData(64, 16, 0)]
    [InlineData(4, 0, 8)]
    public void Unusable_parameters_are_refused(int modulusBits, int fractionBits, int maxSites)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatisticsEncoding(modulusBits, fractionBits, maxSites));
    }

    [Fact]
    public void Pooling_more_sites_than_the_encoding_allows_is_refused()
    {
        var encoding = new StatisticsEncoding(maxSites: 2);
        var site = OneColumn(1, 1, 1);

        Assert.Throws<ArgumentException>(() => encoding.Pool([site, site, site]));
    }
}
