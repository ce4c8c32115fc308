using System.Net;

namespace FedHealth.Training.Data.Fhir.Rest;

/// <summary>
/// Retries a read (GET, no body, so safe to resend) on a transient failure — a connection error, a
/// request that outlived its timeout, or 429/502/503/504 — with a doubling delay, and gives each
/// attempt its own timeout. Counts the attempts for messages.
/// </summary>
internal sealed class RetryingHandler(HttpMessageHandler inner, int retries, TimeSpan timeout, TimeSpan delay) : DelegatingHandler(inner)
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(timeout);
            HttpResponseMessage? response = null;
            Exception? failure = null;
            try
            {
                response = await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                failure = ex;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new TimeoutException(FormattableString.Invariant($"No answer within {timeout.TotalSeconds:0.#} s"), ex);
            }

            var transient = failure is not null || response!.StatusCode is HttpStatusCode.TooManyRequests
                or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
            if (!transient || attempt >= retries)
            {
                return response ?? throw new HttpRequestException($"{failure!.Message} ({attempt + 1} attempt{(attempt == 0 ? string.Empty : "s")})", failure);
            }

            var wait = response?.Headers.RetryAfter?.Delta is { } after && after <= MaxRetryAfter ? after : delay * Math.Pow(2, attempt);
            response?.Dispose();
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
