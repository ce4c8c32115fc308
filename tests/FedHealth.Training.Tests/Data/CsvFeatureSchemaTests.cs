using FedHealth.Training.Data.Csv;
using FedHealth.Training.Tests.Support;

namespace FedHealth.Training.Tests.Data;

public sealed class CsvFeatureSchemaTests
{
    [Fact]
    public void Numbers_and_categories_are_described_in_file_order_with_their_levels()
    {
        using var csv = TempCsv.Lines("id,age,smoker,cp,y", "1,50,no,1,0", "2,60,yes,3,1", "3,55,no,2,0");

        var columns = CsvFeatureSchema.Describe(csv.Path, new CsvOptions("y") { IgnoreColumns = ["id"], CategoricalColumns = ["cp"] });

        Assert.Equal(["age", "smoker", "cp"], columns.Select(c => c.Name));
        Assert.Null(columns[0].Levels);
        Assert.Equal(["no", "yes"], columns[1].Levels!);
        Assert.Equal(["1", "2", "3"], columns[2].Levels!);
        Assert.Equal(["age", "smoker=no", "smoker=yes", "cp=1", "cp=2", "cp=3"], columns.SelectMany(c => c.EncodedNames()));
    }

    [Fact]
    public void Encoded_names_that_belong_to_no_column_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CsvFeatureSchema.FromEncodedNames(["age"], ["age", "bmi"]));

        Assert.Contains("bmi", error.Message, StringComparison.Ordinal);
    }
}
