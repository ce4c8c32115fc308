namespace FedHealth.Training.Data.Csv;

/// <summary>
/// The raw feature columns of a CSV file as <see cref="CsvDatasetLoader"/> encodes them, so that new
/// rows can be encoded the same way later (<see cref="CsvScoringRows"/>).
/// </summary>
public static class CsvFeatureSchema
{
    /// <exception cref="DataValidationException">The file cannot be loaded with <paramref name="options"/>.</exception>
    public static IReadOnlyList<FeatureColumn> Describe(string path, CsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var raw = CsvDatasetLoader.Load(path, options);
        var header = CsvTableReader.Read(path).Header;
        var roles = new HashSet<string>(options.IgnoreColumns, StringComparer.Ordinal) { options.LabelColumn };
        roles.UnionWith(new[] { options.SiteColumn, options.SplitColumn }.OfType<string>());
        return FromEncodedNames(header.Where(h => !roles.Contains(h)).ToList(), raw.FeatureNames);
    }

    /// <summary>
    /// Matches the raw feature columns, in file order, to the loader's encoded names: a column is
    /// either its own name (a number) or the run of <c>name=level</c> names that follows.
    /// </summary>
    public static IReadOnlyList<FeatureColumn> FromEncodedNames(IReadOnlyList<string> rawColumns, IReadOnlyList<string> encoded)
    {
        ArgumentNullException.ThrowIfNull(rawColumns);
        ArgumentNullException.ThrowIfNull(encoded);
        var columns = new List<FeatureColumn>(rawColumns.Count);
        var next = 0;
        foreach (var name in rawColumns)
        {
            if (next < encoded.Count && encoded[next] == name)
            {
                columns.Add(new FeatureColumn(name, null));
                next++;
                continue;
            }

            var prefix = name + "=";
            var levels = new List<string>();
            while (next < encoded.Count && encoded[next].StartsWith(prefix, StringComparison.Ordinal))
            {
                levels.Add(encoded[next][prefix.Length..]);
                next++;
            }

            if (levels.Count == 0)
            {
                throw new ArgumentException($"The encoded feature names have nothing for column '{name}'.", nameof(encoded));
            }

            columns.Add(new FeatureColumn(name, levels));
        }

        return next == encoded.Count
            ? columns
            : throw new ArgumentException($"The encoded feature '{encoded[next]}' belongs to no raw column.", nameof(encoded));
    }
}
