namespace FedHealth.Cli.Commands.Services;

/// <summary>Checks shared by the coordinator's and the node's configuration; each problem names its key.</summary>
internal static class ServiceChecks
{
    public static void Endpoint(string key, EndpointSection endpoint, bool allowAnyPort, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(endpoint.Host))
        {
            problems.Add($"{key}:Host is required.");
        }

        if (endpoint.Port is < 0 or > 65535 || (!allowAnyPort && endpoint.Port == 0))
        {
            problems.Add($"{key}:Port must be {(allowAnyPort ? "0 (any free port) or " : string.Empty)}1–65535 (got {endpoint.Port}).");
        }
    }

    public static void Tls(string key, TlsSection tls, bool requireCrl, List<string> problems)
    {
        RequireFile($"{key}:Certificate", tls.Certificate, problems);
        RequireFile($"{key}:CaCertificate", tls.CaCertificate, problems);
        if (requireCrl)
        {
            RequireFile($"{key}:Crl", tls.Crl, problems);
        }

        if ((tls.PasswordFile is null) == (tls.PasswordEnv is null))
        {
            problems.Add($"{key}: give exactly one of PasswordFile or PasswordEnv for the certificate's password (never the password itself).");
        }
        else if (tls.PasswordFile is { } file && !File.Exists(file))
        {
            problems.Add($"{key}:PasswordFile: no such file '{file}'.");
        }
    }

    public static void Schema(SchemaSection schema, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(schema.Label))
        {
            problems.Add("Schema:Label is required.");
        }

        if (schema.Columns.Count == 0)
        {
            problems.Add("Schema:Columns must list the model's input columns.");
        }

        foreach (var missing in schema.MissingIndicators.Where(c => !schema.Columns.Contains(c)))
        {
            problems.Add($"Schema:MissingIndicators: '{missing}' is not one of Schema:Columns.");
        }
    }

    private static void RequireFile(string key, string? path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{key} is required.");
        }
        else if (!File.Exists(path))
        {
            problems.Add($"{key}: no such file '{path}'.");
        }
    }
}
