using System.Net;
using System.Net.Sockets;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.PublicData;
using FedHealth.Training.Tests.Support;

namespace FedHealth.Training.Tests.Data;

public sealed class PublicDataDownloaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fedhealth-download-").FullName;

    [Fact]
    public void The_combined_csv_equals_the_reference_four_center_file()
    {
        var files = HeartDiseaseData.Files.Select(f => File.ReadAllBytes(RepositoryPaths.SharedData("heart-disease", f.Name))).ToList();

        var combined = PublicDataDownloader.Combine(files);

        var expected = Rows(File.ReadAllText(RepositoryPaths.SharedData("heart-disease", "heart_disease_4centers.csv")));
        var actual = Rows(combined);
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        for (var row = 1; row < expected.Count; row++)
        {
            Assert.Equal(expected[row].Select(Number), actual[row].Select(Number));
        }
    }

    [Fact]
    public async Task Verified_files_are_kept_and_the_combined_csv_loads_as_four_sites()
    {
        using var server = new LoopbackFileServer(name => File.ReadAllBytes(RepositoryPaths.SharedData("heart-disease", name)));
        using var http = new HttpClient();

        var path = await new PublicDataDownloader(http).DownloadHeartDiseaseAsync(_folder, server.BaseUri);

        var data = SiteDatasets.FromCsv(path, new CsvOptions("target") { SiteColumn = "center", CategoricalColumns = HeartDiseaseData.Categorical });
        Assert.Equal(4, data.Sites.Count);
        Assert.Equal(920, data.Description.Sites.Sum(s => s.TrainRows + s.TestRows));
    }

    [Fact]
    public async Task A_file_that_fails_its_checksum_is_named_and_nothing_is_kept()
    {
        using var server = new LoopbackFileServer(name =>
        {
            var bytes = File.ReadAllBytes(RepositoryPaths.SharedData("heart-disease", name));
            if (name == "processed.va.data")
            {
                bytes[10] ^= 1;
            }

            return bytes;
        });
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DataValidationException>(() => new PublicDataDownloader(http).DownloadHeartDiseaseAsync(_folder, server.BaseUri));

        Assert.Contains("processed.va.data", error.Message, StringComparison.Ordinal);
        Assert.Contains("4249d03ca7711e84f4444768c9426170", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task An_unreachable_source_is_a_clear_error()
    {
        using var http = new HttpClient();
        var port = LoopbackFileServer.FreePort();

        var error = await Assert.ThrowsAsync<DataValidationException>(() =>
            new PublicDataDownloader(http).DownloadHeartDiseaseAsync(_folder, new Uri($"http://127.0.0.1:{port}/")));

        Assert.Contains("Could not download", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<string[]> Rows(string csv) =>
        csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

    private static double? Number(string cell) =>
        cell.Length == 0 ? null : double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Serves files by name on 127.0.0.1 only, for the length of one test.</summary>
    private sealed class LoopbackFileServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Func<string, byte[]> _files;

        public LoopbackFileServer(Func<string, byte[]> files)
        {
            _files = files;
            BaseUri = new Uri($"http://127.0.0.1:{FreePort()}/data/");
            _listener.Prefixes.Add(BaseUri.ToString());
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public Uri BaseUri { get; }

        public static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var bytes = _files(context.Request.Url!.Segments[^1]);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}
