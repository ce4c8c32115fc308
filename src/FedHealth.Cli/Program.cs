using System.CommandLine;
using FedHealth.Cli.Commands.Bench;
using FedHealth.Cli.Commands.Data;
using FedHealth.Cli.Commands.Privacy;
using FedHealth.Cli.Console;
using Spectre.Console;
using FedHealth.Cli.Commands.Sim;
using FedHealth.Hosting.Logging;
using Serilog;
using Serilog.Events;

Terminal.ReserveStdoutForResults();
var level = Environment.GetEnvironmentVariable("FEDHEALTH_LOG_LEVEL") is { } text && Enum.TryParse<LogEventLevel>(text, true, out var parsed)
    ? parsed
    : LogEventLevel.Warning;
try
{
    Log.Logger = FedHealthLogging.Create(level, Environment.GetEnvironmentVariable("FEDHEALTH_LOG_FILE"), Environment.GetEnvironmentVariable("FEDHEALTH_LOG_FORMAT"));
}
catch (ArgumentException ex)
{
    Terminal.Error(ex.Message);
    return ExitCodes.BadInput;
}

try
{
    var root = new RootCommand("FedHealth: privacy-preserving federated learning for hospitals")
    {
        SimCommand.Create(),
        PrivacyCommand.Create(),
        BenchCommand.Create(),
        DataCommand.Create(),
        FedHealth.Cli.Commands.Coordinator.CoordinatorCommand.Create(),
        FedHealth.Cli.Commands.Node.NodeCommand.Create(),
        FedHealth.Cli.Commands.Certs.CertsCommand.Create(),
        FedHealth.Cli.Commands.Models.ModelsCommand.Create(),
        FedHealth.Cli.Commands.Audit.AuditCommand.Create(),
        FedHealth.Cli.Commands.Coordinator.StudyAddSiteCommand.Create(),
        FedHealth.Cli.Commands.Studies.StudiesCommand.Create(),
    };
    FedHealth.Cli.Commands.Services.ServiceHelp.Apply(root);
    var parse = root.Parse(args);
    if (parse.Errors.Count > 0)
    {
        // Parse errors go to stderr as plain lines; stdout stays empty (it carries only results).
        foreach (var error in parse.Errors)
        {
            Terminal.Error(error.Message);
        }

        Terminal.Err.WriteLine("Run 'fedhealth --help' or 'fedhealth <command> --help' for the options.");
        return ExitCodes.BadInput;
    }

    // A stop request (SIGTERM, Ctrl-C) cancels the command; it gets time to end its rounds' work cleanly.
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(40) }).ConfigureAwait(false);
}
finally
{
    // Asked to stop (SIGTERM, Ctrl-C) during local training: the fits end at their next step and
    // free their TorchSharp state before the process exits, which would otherwise crash in libtorch.
    if (!FedHealth.Training.Trainer.TrainingShutdown.Process.Stop(TimeSpan.FromSeconds(30)))
    {
        Log.Warning("Local training did not stop within 30 s; exiting anyway");
    }

    await Log.CloseAndFlushAsync().ConfigureAwait(false);
}
