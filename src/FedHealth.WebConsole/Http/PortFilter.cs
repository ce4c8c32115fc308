using Microsoft.AspNetCore.Http;

namespace FedHealth.WebConsole.Http;

/// <summary>Answers the console's routes only on the console's own port, not on the service's monitoring port.</summary>
internal sealed class PortFilter(int port) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.HttpContext.Connection.LocalPort == port ? next(context) : ValueTask.FromResult<object?>(Results.NotFound());
    }
}
