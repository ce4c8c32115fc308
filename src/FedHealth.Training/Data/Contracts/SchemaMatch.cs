namespace FedHealth.Training.Data.Contracts;

/// <summary>A source's contract must supply exactly the study schema's columns, in its order, and its label.</summary>
internal static class SchemaMatch
{
    /// <param name="contract">How messages name the contract ("mapping", "OMOP cohort").</param>
    /// <exception cref="DataValidationException">A feature the schema lacks, a schema column the contract lacks, or another order or label.</exception>
    public static void Check(string contract, IReadOnlyList<string> features, string label, IReadOnlyList<string> schemaColumns, string? schemaLabel, string? file)
    {
        ArgumentNullException.ThrowIfNull(schemaColumns);
        foreach (var name in features.Where(n => !schemaColumns.Contains(n)))
        {
            throw new DataValidationException($"The {contract} names feature '{name}', which the study schema lacks (schema: {string.Join(", ", schemaColumns)}).", file);
        }

        foreach (var name in schemaColumns.Where(c => !features.Contains(c)))
        {
            throw new DataValidationException($"The study schema's feature '{name}' is required but the {contract} does not say where it comes from.", file);
        }

        if (!features.SequenceEqual(schemaColumns))
        {
            throw new DataValidationException($"The {contract}'s features must be in the schema's order ({string.Join(", ", schemaColumns)}).", file);
        }

        if (schemaLabel is not null && schemaLabel != label)
        {
            throw new DataValidationException($"The {contract}'s label '{label}' is not the study schema's label '{schemaLabel}'.", file);
        }
    }
}
