namespace FedHealth.Training.Data.Csv;

/// <summary>A CSV file as text cells: the header and the data rows, every row as wide as the header.</summary>
internal sealed record CsvTable(string File, IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records)
{
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
