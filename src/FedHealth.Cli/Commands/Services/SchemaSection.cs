namespace FedHealth.Cli.Commands.Services;

/// <summary>The consortium's agreed columns: the model's inputs are <see cref="Columns"/> plus a missing indicator for each of <see cref="MissingIndicators"/>.</summary>
internal sealed class SchemaSection
{
    public string? Label { get; set; }

    public List<string> Columns { get; set; } = [];

    public List<string> MissingIndicators { get; set; } = [];
}
