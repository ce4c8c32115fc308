namespace FedHealth.Training.Data;

/// <summary>
/// Input data that cannot be used, with where the problem is: the file, the column and the
/// 1-based line (the header is line 1), as far as they apply.
/// </summary>
public sealed class DataValidationException : Exception
{
    public DataValidationException()
        : this("The data is not valid.")
    {
    }

    public DataValidationException(string message)
        : base(message)
    {
        Problem = message;
    }

    public DataValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    public DataValidationException(string problem, string? file, string? column = null, int? line = null)
        : base(Compose(problem, file, column, line))
    {
        Problem = problem;
        File = file;
        Column = column;
        Line = line;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    public string? File { get; }

    public string? Column { get; }

    /// <summary>1-based line in the file; the header is line 1.</summary>
    public int? Line { get; }

    private static string Compose(string problem, string? file, string? column, int? line)
    {
        var where = new List<string>(3);
        if (file is not null)
        {
            where.Add(file);
        }

        if (line is not null)
        {
            where.Add($"line {line}");
        }

        if (column is not null)
        {
            where.Add($"column '{column}'");
        }

        return where.Count == 0 ? problem : $"{string.Join(", ", where)}: {problem}";
    }
}
