using FedHealth.Hosting.Logging;
using Serilog.Events;

namespace FedHealth.Coordinator.Tests.Logging;

public sealed class FedHealthLoggingSpecs
{
    [Fact]
    public void The_log_file_is_written_at_exactly_the_path_given()
    {
        var folder = Directory.CreateTempSubdirectory("fedhealth-log-");
        try
        {
            var path = Path.Combine(folder.FullName, "coordinator.log");
            var logger = FedHealthLogging.Create(LogEventLevel.Information, path);
            logger.Information("Round {Round} done", 3);
            ((IDisposable)logger).Dispose();

            Assert.Equal([path], Directory.GetFiles(folder.FullName));
            Assert.Contains("Round 3 done", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
