using System.Text;
using FedHealth.Core.Ids;

namespace FedHealth.Core.Enrolment;

/// <summary>The bytes a site signs to enrol its signing key: a domain label, its id, the key.</summary>
public static class EnrolmentProof
{
    private const string Domain = "fedhealth/enrolment/v1";

    public static byte[] Payload(SiteId site, ReadOnlySpan<byte> signingKey)
    {
        var label = Encoding.UTF8.GetBytes(Domain);
        var id = Encoding.UTF8.GetBytes(site.Value);
        var payload = new byte[label.Length + 1 + 4 + id.Length + signingKey.Length];
        var span = payload.AsSpan();
        label.CopyTo(span);
        span = span[(label.Length + 1)..];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(span, id.Length);
        id.CopyTo(span[4..]);
        signingKey.CopyTo(span[(4 + id.Length)..]);
        return payload;
    }
}
