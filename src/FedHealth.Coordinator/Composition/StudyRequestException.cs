namespace FedHealth.Coordinator.Composition;

/// <summary>A study request that cannot run as asked; the message says what to change, in the request's own words.</summary>
public sealed class StudyRequestException : Exception
{
    public StudyRequestException()
    {
    }

    public StudyRequestException(string message)
        : base(message)
    {
    }

    public StudyRequestException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
