namespace FedHealth.Training.Data.Omop;

/// <summary>The OMOP standard concepts the reader itself interprets.</summary>
public static class OmopConcepts
{
    public const int Male = 8507;
    public const int Female = 8532;
}
