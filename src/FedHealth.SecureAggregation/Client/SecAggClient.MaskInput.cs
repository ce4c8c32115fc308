using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Aead;
using FedHealth.Crypto.SecretSharing;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Masking;
using FedHealth.SecureAggregation.Transcripts;

namespace FedHealth.SecureAggregation.Client;

public sealed partial class SecAggClient
{
    private static readonly int ShareSize = ShamirSecretSharing.ShareSize(32);

    /// <summary>
    /// Stage 3: opens the shares its neighbours sent (each must come from a distinct neighbour and
    /// open under this session, round, sender and recipient), and returns
    /// y = x + PRG(b) + Σ ±PRG(s_uv) mod 2^m over the neighbours that shared keys. Every value of
    /// <paramref name="input"/> must be below 2^m.
    /// </summary>
    public SecAggMaskedInput MaskInput(SecAggForwardedShares shares, ReadOnlySpan<ulong> input)
    {
        var mask = CheckInput(shares, input.Length);
        foreach (var value in input)
        {
            if (value > mask)
            {
                throw new ArgumentOutOfRangeException(nameof(input), $"An input value exceeds 2^{_parameters!.ModulusBits} - 1.");
            }
        }

        var terms = OpenShares(shares);
        var masked = new byte[input.Length * _parameters!.BytesPerElement];
        if (_parameters.BytesPerElement == 4)
        {
            var y = MemoryMarshal.Cast<byte, uint>(masked.AsSpan());
            for (var i = 0; i < input.Length; i++)
            {
                y[i] = (uint)input[i];
            }
        }
        else
        {
            input.CopyTo(MemoryMarshal.Cast<byte, ulong>(masked.AsSpan()));
        }

        return Masked(masked, terms);
    }

    /// <summary>Stage 3 for inputs already in 32-bit words (see the other overload).</summary>
    public SecAggMaskedInput MaskInput(SecAggForwardedShares shares, ReadOnlySpan<uint> input)
    {
        var mask = CheckInput(shares, input.Length);
        if (mask < uint.MaxValue)
        {
            foreach (var value in input)
            {
                if (value > mask)
                {
                    throw new ArgumentOutOfRangeException(nameof(input), $"An input value exceeds 2^{_parameters!.ModulusBits} - 1.");
                }
            }
        }

        var terms = OpenShares(shares);
        var masked = new byte[input.Length * _parameters!.BytesPerElement];
        if (_parameters.BytesPerElement == 4)
        {
            input.CopyTo(MemoryMarshal.Cast<byte, uint>(masked.AsSpan()));
        }
        else
        {
            var y = MemoryMarshal.Cast<byte, ulong>(masked.AsSpan());
            for (var i = 0; i < input.Length; i++)
            {
                y[i] = input[i];
            }
        }

        return Masked(masked, terms);
    }

    private ulong CheckInput(SecAggForwardedShares shares, int length)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (_setup is not null && _state == ClientState.AwaitingShares && length != _setup.VectorLength)
        {
            throw new ArgumentException($"The session sums vectors of {_setup.VectorLength} values, not {length}.", nameof(shares));
        }

        Expect(ClientState.AwaitingShares, SecAggStage.MaskedInput, shares.Round, shares.Study);
        return _parameters!.ModulusMask;
    }

    private List<MaskTerm> OpenShares(SecAggForwardedShares forwarded)
    {
        const SecAggStage stage = SecAggStage.MaskedInput;
        if (forwarded.Recipient != _self)
        {
            throw Fail(SecAggGuard.WrongRecipient, stage, $"The shares are addressed to {forwarded.Recipient}.");
        }

        ExpectSession(forwarded.SessionId, stage);
        if (forwarded.Shares is null)
        {
            throw Fail(SecAggGuard.TooFewNeighbours, stage, "No shares were forwarded.");
        }

        var held = new Dictionary<SiteId, NeighbourSecrets>();
        foreach (var box in forwarded.Shares)
        {
            if (box is null || box.Recipient != _self)
            {
                throw Fail(SecAggGuard.WrongRecipient, stage, "A forwarded share is addressed to another site.");
            }

            if (!_keys.ContainsKey(box.Sender))
            {
                throw Fail(SecAggGuard.UnknownSite, stage, $"Site {box.Sender} is not part of this session.");
            }

            if (!_neighbours.Contains(box.Sender))
            {
                throw Fail(SecAggGuard.NotANeighbour, stage, $"Site {box.Sender} is not a neighbour of this site.");
            }

            if (held.ContainsKey(box.Sender))
            {
                throw Fail(SecAggGuard.DuplicateSite, stage, $"Two shares come from {box.Sender}.");
            }

            held.Add(box.Sender, Open(box, stage));
        }

        _held = held;
        var t = _parameters!.Threshold;
        if (held.Count < t)
        {
            throw Fail(SecAggGuard.TooFewNeighbours, stage, $"Only {held.Count} neighbours shared keys; the threshold is {t}.");
        }

        var terms = new List<MaskTerm>(held.Count + 1) { new(SecAggTranscripts.SelfMask(_selfMaskSeed, _sessionId), Subtract: false) };
        var own = _shareIndex[_self];
        foreach (var v in held.Keys.Order())
        {
            byte[] agreement;
            try
            {
                agreement = _maskKey!.Agree(_keys[v].MaskPublicKey);
            }
            catch (CryptographicException e)
            {
                DisposeAll(terms);
                throw Fail(SecAggGuard.InvalidKey, stage, $"The mask key of {v} is unusable: {e.Message}");
            }

            // The site with the smaller index adds PRG(s_uv), the other subtracts it: they cancel in the sum.
            terms.Add(new MaskTerm(SecAggTranscripts.PairwiseMask(agreement, _sessionId), Subtract: own > _shareIndex[v]));
            CryptographicOperations.ZeroMemory(agreement);
        }

        return terms;
    }

    private NeighbourSecrets Open(SecAggEncryptedShare box, SecAggStage stage)
    {
        var key = ShareKeyWith(box.Sender, stage);
        try
        {
            var ad = SecAggTranscripts.ShareAssociatedData(_study, _round, _sessionId, box.Sender, _self);
            if (box.Ciphertext is null || !AesGcmAead.TryOpen(key, box.Ciphertext, ad, out var plaintext) || plaintext.Length != 2 * ShareSize)
            {
                throw Fail(SecAggGuard.CiphertextRejected, stage, $"The share from {box.Sender} does not open under this session, round, sender and recipient.");
            }

            var secrets = new NeighbourSecrets(plaintext[..ShareSize], plaintext[ShareSize..]);
            CryptographicOperations.ZeroMemory(plaintext);
            return secrets;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Masks in place the little-endian words in <paramref name="masked"/> (which hold x) and sends
    /// them: one allocation per input, the buffer that travels.
    /// </summary>
    private SecAggMaskedInput Masked(byte[] masked, List<MaskTerm> terms)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Masked vectors are little-endian words; big-endian hosts are not supported.");
        }

        var bits = _parameters!.ModulusBits;
        try
        {
            if (_parameters.BytesPerElement == 4)
            {
                var y = MemoryMarshal.Cast<byte, uint>(masked.AsSpan());
                if (_policy.MaxDegreeOfParallelism > 1)
                {
                    var array = y.ToArray();
                    MaskKernel.Apply(array, terms, _policy.MaxDegreeOfParallelism);
                    array.CopyTo(y);
                }
                else
                {
                    MaskKernel.Apply(y, terms);
                }

                MaskKernel.Reduce(y, bits);
            }
            else
            {
                var y = MemoryMarshal.Cast<byte, ulong>(masked.AsSpan());
                if (_policy.MaxDegreeOfParallelism > 1)
                {
                    var array = y.ToArray();
                    MaskKernel.Apply(array, terms, _policy.MaxDegreeOfParallelism);
                    array.CopyTo(y);
                }
                else
                {
                    MaskKernel.Apply(y, terms);
                }

                MaskKernel.Reduce(y, bits);
            }
        }
        finally
        {
            DisposeAll(terms);
        }

        _state = ClientState.AwaitingSurvivors;
        List<SiteId> maskedWith = [.. _held.Keys.Order()];
        var signature = _siteKey.Sign(SecAggTranscripts.MaskSet(_study, _round, _sessionId, _self, maskedWith));
        return new SecAggMaskedInput(_study, _round, _self, (byte[])_sessionId.Clone(), masked, maskedWith, signature);
    }

    private static void DisposeAll(List<MaskTerm> terms)
    {
        foreach (var term in terms)
        {
            term.Generator.Dispose();
        }
    }
}
