using System.Text;

namespace FedHealth.Training.Data.Csv;

/// <summary>
/// Reads comma-separated text with a header row, following RFC 4180 as far as real files need:
/// quoted cells, doubled quotes inside them, separators and line breaks inside quotes, LF or CRLF.
/// Blank lines are skipped; unquoted cells are trimmed.
/// </summary>
internal static class CsvTableReader
{
    public static CsvTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new DataValidationException("The file does not exist.", path);
        }

        // Detects and drops a UTF-8/UTF-16 byte order mark, as spreadsheet exports often have one.
        var text = File.ReadAllText(path);
        return Parse(text, path);
    }

    public static CsvTable Parse(string text, string file)
    {
        var rows = Tokenize(text, file);
        if (rows.Count == 0)
        {
            throw new DataValidationException("The file is empty: expected a header row and data rows.", file, line: 1);
        }

        var header = rows[0].Cells;
        CheckHeader(header, file, rows[0].Line);
        var records = new List<CsvRecord>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            if (row.Cells.Count != header.Count)
            {
                throw new DataValidationException(
                    $"The row has {row.Cells.Count} cells but the header has {header.Count}.", file, line: row.Line);
            }

            records.Add(row);
        }

        if (records.Count == 0)
        {
            throw new DataValidationException("The file has a header but no data rows.", file, line: 2);
        }

        return new CsvTable(file, header, records);
    }

    private static void CheckHeader(IReadOnlyList<string> header, string file, int line)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                throw new DataValidationException($"Header cell {i + 1} is empty: every column needs a name.", file, line: line);
            }

            if (!seen.Add(header[i]))
            {
                throw new DataValidationException("The column name appears twice in the header.", file, header[i], line);
            }
        }
    }

    private static List<CsvRecord> Tokenize(string text, string file)
    {
        var rows = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var wasQuoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when cell.ToString().Trim().Length == 0:
                    cell.Clear();
                    quoted = true;
                    wasQuoted = true;
                    break;
                case ',':
                    cells.Add(Finish(cell, wasQuoted));
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow(rows, cells, cell, ref wasQuoted, rowLine);
                    line++;
                    rowLine = line;
                    break;
                case ' ' or '\t' when wasQuoted:
                    // Padding after a closing quote is not part of the cell.
                    break;
                default:
                    cell.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new DataValidationException("A quoted cell is never closed.", file, line: rowLine);
        }

        EndRow(rows, cells, cell, ref wasQuoted, rowLine);
        return rows;
    }

    private static void EndRow(List<CsvRecord> rows, List<string> cells, StringBuilder cell, ref bool wasQuoted, int rowLine)
    {
        var blank = cells.Count == 0 && !wasQuoted && cell.ToString().Trim().Length == 0;
        if (!blank)
        {
            cells.Add(Finish(cell, wasQuoted));
            rows.Add(new CsvRecord(rowLine, cells.ToArray()));
        }

        cells.Clear();
        cell.Clear();
        wasQuoted = false;
    }

    // Quoted cells keep their inner spaces; unquoted ones are trimmed.
    private static string Finish(StringBuilder cell, bool wasQuoted)
    {
        var value = wasQuoted ? cell.ToString() : cell.ToString().Trim();
        cell.Clear();
        return value;
    }
}
