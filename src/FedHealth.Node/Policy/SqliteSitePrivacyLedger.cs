using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FedHealth.Core.Ids;
using FedHealth.Privacy.Accounting;
using Microsoft.Data.Sqlite;

namespace FedHealth.Node.Policy;

/// <summary>
/// A site's privacy ledger in one SQLite file of its state directory: one row per charged round,
/// committed before training starts. It survives restarts of the node; nothing the coordinator
/// does (restarting or wiping its state, starting a new study) touches it.
/// </summary>
public sealed class SqliteSitePrivacyLedger : ISitePrivacyLedger
{
    public const string FileName = "privacy-ledger.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS charges (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            study TEXT NOT NULL,
            round INTEGER NOT NULL,
            steps INTEGER NOT NULL,
            noise_multiplier REAL NOT NULL,
            sampling_rate REAL NOT NULL,
            epsilon REAL NOT NULL,
            rdp TEXT NOT NULL,
            charged_at TEXT NOT NULL);
        """;

    private readonly string _connection;
    private readonly ImmutableArray<double> _orders = RdpOrders.Default;

    public SqliteSitePrivacyLedger(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connection = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = Schema;
        create.ExecuteNonQuery();
    }

    public string Path { get; }

    /// <summary>The ledger of a node's state directory.</summary>
    public static SqliteSitePrivacyLedger InDirectory(string stateDirectory) =>
        new(System.IO.Path.Combine(stateDirectory, FileName));

    public RdpCurve StudySpent(StudyId study) => Sum(Charges().Where(c => c.Study == study));

    public RdpCurve TotalSpent() => Sum(Charges());

    public void Charge(SiteCharge charge)
    {
        ArgumentNullException.ThrowIfNull(charge);
        if (!charge.Cost.Orders.SequenceEqual(_orders))
        {
            throw new ArgumentException("A site's ledger composes costs over the default RDP orders only.", nameof(charge));
        }

        using var connection = Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO charges (study, round, steps, noise_multiplier, sampling_rate, epsilon, rdp, charged_at)
            VALUES ($study, $round, $steps, $sigma, $q, $epsilon, $rdp, $at);
            """;
        insert.Parameters.AddWithValue("$study", charge.Study.Value);
        insert.Parameters.AddWithValue("$round", charge.Round);
        insert.Parameters.AddWithValue("$steps", charge.Steps);
        insert.Parameters.AddWithValue("$sigma", charge.NoiseMultiplier);
        insert.Parameters.AddWithValue("$q", charge.SamplingRate);
        insert.Parameters.AddWithValue("$epsilon", charge.Epsilon);
        insert.Parameters.AddWithValue("$rdp", JsonSerializer.Serialize(charge.Cost.Values.Select(Finite).ToArray()));
        insert.Parameters.AddWithValue("$at", charge.At.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }

    public IReadOnlyList<SiteCharge> Charges()
    {
        using var connection = Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT study, round, steps, noise_multiplier, sampling_rate, epsilon, rdp, charged_at FROM charges ORDER BY id;";
        using var reader = select.ExecuteReader();
        var charges = new List<SiteCharge>();
        while (reader.Read())
        {
            var values = JsonSerializer.Deserialize<double[]>(reader.GetString(6)) ?? [];
            if (values.Length != _orders.Length)
            {
                throw new InvalidDataException($"The site's privacy ledger {Path} holds a charge over {values.Length} RDP orders, not {_orders.Length}: it was written by another version.");
            }

            charges.Add(new SiteCharge(
                new StudyId(reader.GetString(0)), reader.GetInt32(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5),
                new RdpCurve(_orders, values.Select(v => v == double.MaxValue ? double.PositiveInfinity : v).ToImmutableArray()),
                DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture)));
        }

        return charges;
    }

    private RdpCurve Sum(IEnumerable<SiteCharge> charges) =>
        charges.Aggregate(RdpCurve.Zero(_orders), (sum, charge) => sum.Add(charge.Cost));

    /// <summary>JSON has no ∞: an unbounded order is stored as the largest double and read back as ∞.</summary>
    private static double Finite(double value) => double.IsPositiveInfinity(value) ? double.MaxValue : value;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connection);
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new InvalidOperationException($"The site's privacy ledger {Path} cannot be opened: {ex.Message}", ex);
        }
    }
}
