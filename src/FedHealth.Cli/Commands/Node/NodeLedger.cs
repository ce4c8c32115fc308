using FedHealth.Cli.Console;
using FedHealth.Node.Policy;

namespace FedHealth.Cli.Commands.Node;

/// <summary>The site's own privacy ledger in its state directory (<c>Node:State:Directory</c>), opened with an error naming the key.</summary>
internal static class NodeLedger
{
    public static SqliteSitePrivacyLedger Open(string stateDirectory)
    {
        try
        {
            return SqliteSitePrivacyLedger.InDirectory(stateDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new UserInputException($"Node:State:Directory: the site's privacy ledger in '{stateDirectory}' cannot be opened: {ex.Message}", ex);
        }
    }
}
