namespace FedHealth.Cli.Console;

/// <summary>A problem with what the user asked for: shown as one clear line, never as a stack trace.</summary>
public sealed class UserInputException : Exception
{
    public UserInputException()
    {
    }

    public UserInputException(string message)
        : base(message)
    {
    }

    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
