using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Tests.Support;

namespace FedHealth.Training.Tests.Data;

public sealed class CsvScoringRowsTests
{
    private static readonly FeatureColumn[] Columns = [new("age", null), new("smoker", ["no", "yes"]), new("cp", ["1", "2"])];

    [Fact]
    public void Rows_are_encoded_as_at_training_time_whatever_the_column_order_and_extra_columns()
    {
        using var csv = TempCsv.Lines("cp,name,smoker,age", "2.0,x,yes,61", "1,y,,", "2,z,no,40.5");

        var rows = CsvScoringRows.Load(csv.Path, Columns);

        Assert.Equal(["age", "smoker=no", "smoker=yes", "cp=1", "cp=2"], rows.FeatureNames.ToArray());
        Assert.Equal([61f, 0, 1, 0, 1], rows.Row(0).ToArray());
        Assert.True(float.IsNaN(rows.Row(1)[0]));
        Assert.Equal([0f, 0, 1, 0], rows.Row(1)[1..].ToArray());
        Assert.Equal([40.5f, 1, 0, 0, 1], rows.Row(2).ToArray());
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        using var csv = TempCsv.Lines("age,smoker", "50,no");

        var error = Assert.Throws<DataValidationException>(() => CsvScoringRows.Load(csv.Path, Columns));

        Assert.Equal("cp", error.Column);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_text_where_the_model_was_trained_on_numbers_is_named_with_its_line()
    {
        using var csv = TempCsv.Lines("age,smoker,cp", "50,no,1", "old,no,1");

        var error = Assert.Throws<DataValidationException>(() => CsvScoringRows.Load(csv.Path, Columns));

        Assert.Equal("age", error.Column);
        Assert.Equal(3, error.Line);
        Assert.Contains("'old' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_never_seen_in_training_is_named_with_the_known_levels()
    {
        using var csv = TempCsv.Lines("age,smoker,cp", "50,sometimes,1");

        var error = Assert.Throws<DataValidationException>(() => CsvScoringRows.Load(csv.Path, Columns));

        Assert.Equal("smoker", error.Column);
        Assert.Contains("'sometimes' was not seen in training (levels: no, yes)", error.Message, StringComparison.Ordinal);
    }
}
