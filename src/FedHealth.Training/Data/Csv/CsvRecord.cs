namespace FedHealth.Training.Data.Csv;

/// <summary>One data row of a CSV file and the 1-based line it starts on (the header is line 1).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);
