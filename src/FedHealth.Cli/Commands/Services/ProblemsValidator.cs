using Microsoft.Extensions.Options;

namespace FedHealth.Cli.Commands.Services;

/// <summary>Validates a service's options with its own <c>Problems()</c>, each problem naming its key.</summary>
internal sealed class ProblemsValidator<T>(Func<T, IReadOnlyList<string>> problems) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        problems(options) is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
}
