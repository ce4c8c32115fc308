using System.Globalization;
using System.Text;

namespace FedHealth.Training.Data.Omop.Synthetic;

/// <summary>
/// One site's OMOP CDM tables as CSV files in a folder (person.csv, observation_period.csv,
/// measurement.csv, condition_occurrence.csv, drug_exposure.csv, observation.csv), headed by their
/// CDM column names: what <c>data synth-omop</c> writes and <c>data load-omop DIR</c> reads.
/// Only numbers and dates, so no field is ever quoted.
/// </summary>
public static class OmopCsvTables
{
    public static readonly IReadOnlyList<string> PersonColumns = ["person_id", "gender_concept_id", "year_of_birth", "month_of_birth", "day_of_birth"];

    public static readonly IReadOnlyList<string> PeriodColumns =
        ["observation_period_id", "person_id", "observation_period_start_date", "observation_period_end_date"];

    public static readonly IReadOnlyList<string> Files =
        ["person.csv", "observation_period.csv", "measurement.csv", "condition_occurrence.csv", "drug_exposure.csv", "observation.csv"];

    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFF";

    public static void Write(OmopRows rows, string folder)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Directory.CreateDirectory(folder);
        WriteTable(folder, "person", PersonColumns, rows.Persons.Select(p => new object?[] { p.PersonId, p.GenderConceptId, p.YearOfBirth, p.MonthOfBirth, p.DayOfBirth }));
        WriteTable(folder, "observation_period", PeriodColumns, rows.ObservationPeriods.Select(p => new object?[] { p.Id, p.PersonId, p.Start, p.End }));
        WriteEvents(folder, OmopTable.Measurement, rows.Measurements);
        WriteEvents(folder, OmopTable.Condition, rows.Conditions);
        WriteEvents(folder, OmopTable.Drug, rows.Drugs);
        WriteEvents(folder, OmopTable.Observation, rows.Observations);
    }

    /// <exception cref="DataValidationException">A missing file or column, or a value that is not a number or date; each names the file, line and column.</exception>
    public static OmopRows Read(string folder)
    {
        var persons = ReadTable(folder, "person", PersonColumns, r => new OmopPersonRow(r.Long(0), r.Int(1), r.Int(2), r.OptionalInt(3), r.OptionalInt(4)));
        var periods = ReadTable(folder, "observation_period", PeriodColumns, r => new OmopPeriodRow(r.Long(0), r.Long(1), r.Date(2), r.Date(3)));
        return new OmopRows(persons, ReadEvents(folder, OmopTable.Measurement), ReadEvents(folder, OmopTable.Condition))
        {
            Drugs = ReadEvents(folder, OmopTable.Drug),
            Observations = ReadEvents(folder, OmopTable.Observation),
            Periods = periods,
        };
    }

    private static void WriteEvents(string folder, OmopTable table, IReadOnlyList<OmopEventRow> rows) =>
        WriteTable(folder, table.Name, table.Columns, rows.Select(e => new object?[] { e.Id, e.PersonId, e.ConceptId, DateOnly.FromDateTime(e.When), e.When }
            .Concat(table.Value is null ? [] : new object?[] { e.Value, e.UnitConceptId })));

    private static List<OmopEventRow> ReadEvents(string folder, OmopTable table) =>
        ReadTable(folder, table.Name, table.Columns, r =>
        {
            // The date is required and checked even when the datetime is given (the reader prefers the datetime).
            var date = r.Date(3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return new OmopEventRow(
                r.Long(0), r.Long(1), r.Int(2), r.OptionalDateTime(4) ?? date,
                table.Value is null ? null : r.OptionalDecimal(5), table.Value is null ? null : r.OptionalInt(6));
        });

    private static void WriteTable(string folder, string table, IReadOnlyList<string> columns, IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new StringBuilder().AppendJoin(',', columns).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Format)).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, table + ".csv"), text.ToString());
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
        DateTime time => time.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static List<T> ReadTable<T>(string folder, string table, IReadOnlyList<string> columns, Func<OmopCsvRow, T> parse)
    {
        var path = Path.Combine(folder, table + ".csv");
        if (!File.Exists(path))
        {
            throw new DataValidationException($"The OMOP table {table} is missing: expected {table}.csv in the folder.", path);
        }

        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? lines[0].Split(',') : [];
        var positions = columns.Select(c => Array.IndexOf(header, c)).ToArray();
        if (columns.FirstOrDefault(c => !header.Contains(c)) is { } missing)
        {
            throw new DataValidationException($"The header lacks the column {missing} (needs {string.Join(", ", columns)}).", path, missing, 1);
        }

        var rows = new List<T>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != header.Length)
            {
                throw new DataValidationException($"{cells.Length} fields where the header has {header.Length}.", path, line: i + 1);
            }

            rows.Add(parse(new OmopCsvRow(path, i + 1, columns, positions.Select(p => cells[p]).ToArray())));
        }

        return rows;
    }
}
