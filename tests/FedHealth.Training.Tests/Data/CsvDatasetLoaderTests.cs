using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Tests.Support;

namespace FedHealth.Training.Tests.Data;

public sealed class CsvDatasetLoaderTests
{
    private static readonly CsvOptions Label = new("y");

    private static DataValidationException Fails(TempCsv csv, CsvOptions options) =>
        Assert.Throws<DataValidationException>(() => CsvDatasetLoader.Load(csv.Path, options));

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-fedhealth", "missing.csv");

        var error = Assert.Throws<DataValidationException>(() => CsvDatasetLoader.Load(path, Label));

        Assert.Equal(path, error.File);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_reported_at_line_1()
    {
        using var csv = new TempCsv(string.Empty);

        var error = Fails(csv, Label);

        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(csv.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_rows_is_an_error()
    {
        using var csv = TempCsv.Lines("a,y");

        Assert.Contains("no data rows", Fails(csv, Label).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_label_column_names_the_column_and_the_header_line()
    {
        using var csv = TempCsv.Lines("a,b", "1,0");

        var error = Fails(csv, Label);

        Assert.Equal(("y", 1), (error.Column, error.Line));
        Assert.Contains("label column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_numeric_label_names_its_line()
    {
        using var csv = TempCsv.Lines("a,y", "1,0", "2,yes");

        var error = Fails(csv, Label);

        Assert.Equal(("y", 3), (error.Column, error.Line));
        Assert.Contains("'yes' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_other_than_0_or_1_names_its_line_and_value()
    {
        using var csv = TempCsv.Lines("a,y", "1,0", "2,1", "3,2");

        var error = Fails(csv, Label);

        Assert.Equal(("y", 4), (error.Column, error.Line));
        Assert.Contains("label is 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be 0 or 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_label_is_an_error()
    {
        using var csv = TempCsv.Lines("a,y", "1,?");

        Assert.Equal(2, Fails(csv, Label).Line);
    }

    [Fact]
    public void A_ragged_row_reports_expected_and_actual_cell_counts()
    {
        using var csv = TempCsv.Lines("a,b,y", "1,2,0", "1,2", "1,2,1");

        var error = Fails(csv, Label);

        Assert.Equal(3, error.Line);
        Assert.Contains("2 cells but the header has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_split_value_names_its_line_and_value()
    {
        using var csv = TempCsv.Lines("a,split,y", "1,train,0", "2,TEST,1", "3,valid,1");

        var error = Fails(csv, Label with { SplitColumn = "split" });

        Assert.Equal(("split", 4), (error.Column, error.Line));
        Assert.Contains("'valid'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_its_row_starts()
    {
        using var csv = TempCsv.Lines("a,y", "1,0", "\"open,1", "2,0");

        Assert.Equal(3, Fails(csv, Label).Line);
    }

    [Fact]
    public void Duplicate_and_unknown_column_names_are_errors()
    {
        using var duplicate = TempCsv.Lines("a,a,y", "1,2,0");
        using var csv = TempCsv.Lines("a,y", "1,0");

        Assert.Equal("a", Fails(duplicate, Label).Column);
        Assert.Equal("id", Fails(csv, Label with { IgnoreColumns = ["id"] }).Column);
        Assert.Equal("site", Fails(csv, Label with { SiteColumn = "site" }).Column);
    }

    [Fact]
    public void Numeric_columns_keep_their_values_and_missing_markers_become_NaN()
    {
        using var csv = TempCsv.Lines("age,chol,y", "63,233,0", "67,,1", "41,?,0", "50,NA,1", "1e1, 2.5 ,0");

        var site = CsvDatasetLoader.Load(csv.Path, Label).Sites.Single();

        Assert.Equal(["age", "chol"], site.Rows.FeatureNames.ToArray());
        Assert.Equal([63f, 233f], site.Rows.Row(0).ToArray());
        Assert.True(float.IsNaN(site.Rows.Row(1)[1]) && float.IsNaN(site.Rows.Row(2)[1]) && float.IsNaN(site.Rows.Row(3)[1]));
        Assert.Equal([10f, 2.5f], site.Rows.Row(4).ToArray());
        Assert.Equal([0, 1, 0, 1, 0], site.Rows.Labels);
    }

    [Fact]
    public void Text_columns_are_one_hot_encoded_with_every_level_in_sorted_order()
    {
        using var csv = TempCsv.Lines("smoker,sex,y", "never,M,0", "current,F,1", ",M,0", "former,F,1");

        var rows = CsvDatasetLoader.Load(csv.Path, Label).Sites.Single().Rows;

        Assert.Equal(["smoker=current", "smoker=former", "smoker=never", "sex=F", "sex=M"], rows.FeatureNames.ToArray());
        Assert.Equal([0f, 0f, 1f, 0f, 1f], rows.Row(0).ToArray());
        Assert.Equal([1f, 0f, 0f, 1f, 0f], rows.Row(1).ToArray());
        Assert.Equal([0f, 0f, 0f, 0f, 1f], rows.Row(2).ToArray());
    }

    [Fact]
    public void Numeric_codes_listed_as_categorical_are_one_hot_encoded_by_value()
    {
        using var csv = TempCsv.Lines("cp,age,y", "1,50,0", "4,60,1", "2.0,55,0", "2,45,1");

        var rows = CsvDatasetLoader.Load(csv.Path, Label with { CategoricalColumns = ["cp"] }).Sites.Single().Rows;

        Assert.Equal(["cp=1", "cp=2", "cp=4", "age"], rows.FeatureNames.ToArray());
        Assert.Equal(rows.Row(2)[..3].ToArray(), rows.Row(3)[..3].ToArray());
    }

    [Fact]
    public void Quoted_cells_may_hold_separators_quotes_and_line_breaks()
    {
        using var csv = new TempCsv("id,note,y\r\n1,\"a, \"\"b\"\"\",0\r\n2,\"two\nlines\",1\r\n\r\n3,plain,0\r\n");

        var rows = CsvDatasetLoader.Load(csv.Path, Label with { IgnoreColumns = ["id"] }).Sites.Single().Rows;

        Assert.Equal(["note=a, \"b\"", "note=plain", "note=two\nlines"], rows.FeatureNames.ToArray());
        Assert.Equal(3, rows.Rows);
    }

    [Fact]
    public void Line_numbers_count_line_breaks_inside_quotes()
    {
        using var csv = new TempCsv("note,y\n\"x\ny\",0\nz,5\n");

        Assert.Equal(4, Fails(csv, Label).Line);
    }

    [Fact]
    public void The_site_column_groups_rows_by_its_raw_value_in_file_order()
    {
        using var csv = TempCsv.Lines("center,a,y", "2,1,0", "0,2,1", "2,3,1", "0,4,0", "2,5,0");

        var data = CsvDatasetLoader.Load(csv.Path, Label with { SiteColumn = "center" });

        Assert.Equal(["2", "0"], data.Sites.Select(s => s.Site.Value));
        Assert.Equal([1f, 3f, 5f], data.Sites[0].Rows.Features);
        Assert.Equal([2, 4, 6], data.Sites[0].Lines);
        Assert.Equal(["a"], data.FeatureNames.ToArray());
        Assert.All(data.Sites, s => Assert.Equal(data.FeatureNames.ToArray(), s.Rows.FeatureNames.ToArray()));
    }

    [Fact]
    public void The_split_column_marks_test_rows_in_any_case()
    {
        using var csv = TempCsv.Lines("a,split,y", "1,train,0", "2,Test,1", "3,TRAIN,1", "4,test,0");

        var site = CsvDatasetLoader.Load(csv.Path, Label with { SplitColumn = "split" }).Sites.Single();

        Assert.Equal([false, true, false, true], site.IsTest);
        Assert.Equal([1f, 3f], site.TrainRows().Features);
        Assert.Equal([2f, 4f], site.TestRows().Features);
    }

    [Fact]
    public void Ignored_columns_are_not_features()
    {
        using var csv = TempCsv.Lines("patient,a,y", "p1,1,0", "p2,2,1");

        Assert.Equal(["a"], CsvDatasetLoader.Load(csv.Path, Label with { IgnoreColumns = ["patient"] }).FeatureNames.ToArray());
    }

    [Fact]
    public void A_numeric_column_with_one_text_cell_is_an_error_naming_file_line_and_column_not_a_switch_to_categorical()
    {
        using var csv = TempCsv.Lines("age,chol,y", "63,233,0", "67,high,1", "41,?,0");

        var error = Fails(csv, Label);

        Assert.Equal((csv.Path, "chol", 3), (error.File, error.Column, error.Line));
        Assert.Contains("'high'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    public void A_nan_or_infinite_cell_in_a_numeric_column_is_an_error(string cell)
    {
        using var csv = TempCsv.Lines("age,y", "63,0", "1,1", $"{cell},0");

        var error = Fails(csv, Label);

        Assert.Equal(("age", 4), (error.Column, error.Line));
        Assert.Contains("not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_cell_is_cut_short_in_the_error()
    {
        using var csv = TempCsv.Lines("age,y", "63,0", new string('9', 20) + new string('x', 1_000_000) + ",1");

        var error = Fails(csv, Label);

        Assert.InRange(error.Message.Length, 1, 400 + csv.Path.Length);
        Assert.Contains("1,000,020 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_declared_categorical_may_mix_numbers_and_text()
    {
        using var csv = TempCsv.Lines("cp,y", "1,0", "typical,1", "?,0");

        var rows = CsvDatasetLoader.Load(csv.Path, Label with { CategoricalColumns = ["cp"] }).Sites.Single().Rows;

        Assert.Equal(["cp=1", "cp=typical"], rows.FeatureNames.ToArray());
        Assert.Equal([0f, 0f], rows.Row(2).ToArray());
    }
}
