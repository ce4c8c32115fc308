using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using FedHealth.Core.Ids;
using FedHealth.Privacy.Accounting;

namespace FedHealth.Privacy.Ledger;

/// <summary>
/// The ledger's JSON file: the payload plus a SHA-256 of its canonical serialization, so a
/// truncated or altered file is detected instead of silently read (or silently reset).
/// </summary>
internal static class LedgerFile
{
    public const string Format = "fedhealth-privacy-ledger";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Save(PrivacyLedger ledger, string path)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var document = ToDocument(ledger);
        document.Sha256 = Checksum(document);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Options);

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            SyncDirectory(directory);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static PrivacyLedger Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No privacy ledger at '{path}'.", path);
        }

        LedgerDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<LedgerDocument>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException e)
        {
            throw new PrivacyLedgerCorruptException(path, $"it is not valid ledger JSON ({e.Message})", e);
        }

        if (document is null || document.Format != Format)
        {
            throw new PrivacyLedgerCorruptException(path, "it is not a FedHealth privacy ledger");
        }

        if (document.Version != Version)
        {
            throw new PrivacyLedgerCorruptException(path, $"version {document.Version} is not supported (expected {Version})");
        }

        var stored = document.Sha256;
        if (string.IsNullOrEmpty(stored) || !string.Equals(stored, Checksum(document), StringComparison.Ordinal))
        {
            throw new PrivacyLedgerCorruptException(path, "its checksum does not match its content");
        }

        try
        {
            return FromDocument(document);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new PrivacyLedgerCorruptException(path, $"its content is inconsistent ({e.Message})", e);
        }
    }

    private static string Checksum(LedgerDocument document)
    {
        var stored = document.Sha256;
        document.Sha256 = null;
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(document, Options)));
        }
        finally
        {
            document.Sha256 = stored;
        }
    }

    private static LedgerDocument ToDocument(PrivacyLedger ledger) => new()
    {
        Format = Format,
        Version = Version,
        Study = ledger.Study.Value,
        Budget = ledger.Budget is null ? null : new BudgetDocument { MaxEpsilon = ledger.Budget.MaxEpsilon, Delta = ledger.Budget.Delta },
        Orders = [.. ledger.Orders],
        Entries = ledger.Entries.Select(e => new EntryDocument
        {
            Round = e.Round,
            Scope = e.Scope,
            Site = e.Site?.Value,
            Mechanism = e.Mechanism,
            Rdp = [.. e.Rdp.Values],
        }).ToList(),
    };

    private static PrivacyLedger FromDocument(LedgerDocument document)
    {
        var budget = document.Budget is null ? null : new PrivacyBudget(document.Budget.MaxEpsilon, document.Budget.Delta);
        var orders = (document.Orders ?? throw new InvalidOperationException("no orders")).ToImmutableArray();
        var ledger = new PrivacyLedger(new StudyId(document.Study ?? ""), budget, orders);
        foreach (var e in document.Entries ?? throw new InvalidOperationException("no entries"))
        {
            var rdp = new RdpCurve(orders, (e.Rdp ?? throw new InvalidOperationException("an entry has no RDP")).ToImmutableArray());
            var entry = new LedgerEntry(e.Round, e.Scope, e.Site is null ? null : new SiteId(e.Site),
                e.Mechanism ?? throw new InvalidOperationException("an entry has no mechanism"), rdp);
            if (ledger.Entries.Any(x => x.Round == entry.Round && x.Scope == entry.Scope && x.Site == entry.Site))
            {
                throw new InvalidOperationException($"round {entry.Round} has a duplicate {entry.Scope} entry");
            }

            ledger.Record(entry);
        }

        return ledger;
    }

    private static void SyncDirectory(string directory)
    {
        // The rename is atomic; fsync of the directory makes it durable across a power loss.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(System.Text.Encoding.UTF8.GetBytes(directory + "\0"), 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return;
        }

        _ = Fsync(fd);
        _ = Close(fd);
    }

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open(byte[] nullTerminatedPath, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    internal sealed class LedgerDocument
    {
        public string? Format { get; set; }

        public int Version { get; set; }

        public string? Study { get; set; }

        public BudgetDocument? Budget { get; set; }

        public List<double>? Orders { get; set; }

        public List<EntryDocument>? Entries { get; set; }

        public string? Sha256 { get; set; }
    }

    internal sealed class BudgetDocument
    {
        public double MaxEpsilon { get; set; }

        public double Delta { get; set; }
    }

    internal sealed class EntryDocument
    {
        public int Round { get; set; }

        public PrivacyScope Scope { get; set; }

        public string? Site { get; set; }

        public MechanismParameters? Mechanism { get; set; }

        public List<double>? Rdp { get; set; }
    }
}
