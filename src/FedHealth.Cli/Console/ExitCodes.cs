namespace FedHealth.Cli.Console;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run itself failed (e.g. every round aborted, or the study could not start).</summary>
    public const int RunFailed = 1;

    /// <summary>Bad input: a flag, a file or a configuration the user can fix.</summary>
    public const int BadInput = 2;

    public const int Cancelled = 130;
}
