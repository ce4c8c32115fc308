using System.Text.Json;
using FedHealth.Coordinator.Composition;
using FedHealth.Training.Data;
using Serilog;

namespace FedHealth.Cli.Console;

/// <summary>Runs a command body and turns the user's mistakes into one clear line and an exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (UserInputException ex)
        {
            Terminal.Error(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (StudyRequestException ex)
        {
            Terminal.Error(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (FedHealth.Hosting.Persistence.StateStoreException ex)
        {
            Terminal.Error("state: " + ex.Message);
            return ExitCodes.BadInput;
        }
        catch (DataValidationException ex)
        {
            Terminal.Error(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (JsonException ex)
        {
            Terminal.Error(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Terminal.Error("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            Log.Fatal(ex, "The command failed unexpectedly");
            return ExitCodes.RunFailed;
        }
    }
}
