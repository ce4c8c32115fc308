using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FedHealth.Training.Data.PublicData;

/// <summary>
/// Downloads public data sets for users, verifies every file against its published MD5 sum before
/// keeping it, and writes the combined CSV the loader reads. Files are written to a temporary name
/// and moved into place only after verification, so a failed download never leaves a partial or
/// unverified file behind.
/// </summary>
public sealed class PublicDataDownloader(HttpClient http)
{
    /// <summary>
    /// Fetches the four heart-disease files from <paramref name="source"/> (a base URL ending in '/'),
    /// verifies them and writes them plus <see cref="HeartDiseaseData.CombinedFileName"/> into
    /// <paramref name="folder"/>. Returns the combined file's path.
    /// </summary>
    public async Task<string> DownloadHeartDiseaseAsync(string folder, Uri source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        Directory.CreateDirectory(folder);
        var contents = new List<byte[]>();
        foreach (var file in HeartDiseaseData.Files)
        {
            var uri = new Uri(source, file.Name);
            byte[] bytes;
            try
            {
                bytes = await http.GetByteArrayAsync(uri, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new DataValidationException($"Could not download {uri}: {ex.Message}", uri.ToString());
            }

            var actual = Convert.ToHexStringLower(MD5.HashData(bytes));
            if (actual != file.Md5)
            {
                throw new DataValidationException(
                    $"{file.Name} from {uri} failed its checksum: MD5 {actual}, expected {file.Md5}. Nothing was kept.", uri.ToString());
            }

            contents.Add(bytes);
        }

        for (var i = 0; i < contents.Count; i++)
        {
            WriteAtomically(Path.Combine(folder, HeartDiseaseData.Files[i].Name), contents[i]);
        }

        var combined = Path.Combine(folder, HeartDiseaseData.CombinedFileName);
        WriteAtomically(combined, Encoding.UTF8.GetBytes(Combine(contents)));
        return combined;
    }

    /// <summary>
    /// One CSV with a header: <c>center</c>, the 13 attributes (<c>?</c> becomes an empty cell, i.e.
    /// missing), and <c>target</c> = 1 if num &gt; 0 — the same values as the reference
    /// heart_disease_4centers.csv. A cholesterol of 0 (a missing measurement at some centers) is kept
    /// as 0, as in the reference file.
    /// </summary>
    public static string Combine(IReadOnlyList<byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var csv = new StringBuilder();
        csv.Append("center,").AppendJoin(',', HeartDiseaseData.Attributes).Append(",target\n");
        for (var center = 0; center < files.Count; center++)
        {
            var lines = Encoding.ASCII.GetString(files[center]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var line = 0; line < lines.Length; line++)
            {
                var cells = lines[line].Split(',');
                if (cells.Length != HeartDiseaseData.Attributes.Count + 1)
                {
                    throw new DataValidationException(
                        $"expected {HeartDiseaseData.Attributes.Count + 1} values, found {cells.Length}", HeartDiseaseData.Files[center].Name, null, line + 1);
                }

                csv.Append(center.ToString(CultureInfo.InvariantCulture));
                for (var a = 0; a < HeartDiseaseData.Attributes.Count; a++)
                {
                    csv.Append(',').Append(Cell(cells[a]));
                }

                var num = double.Parse(cells[^1], CultureInfo.InvariantCulture);
                csv.Append(',').Append(num > 0 ? '1' : '0').Append('\n');
            }
        }

        return csv.ToString();
    }

    private static string Cell(string raw)
    {
        if (raw == "?" || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return string.Empty;
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + ".partial";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
