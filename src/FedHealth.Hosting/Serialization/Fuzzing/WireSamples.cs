using System.Collections;
using System.Reflection;
using FedHealth.Core.Ids;
using FedHealth.Core.Metrics;
using FedHealth.Core.Weights;

namespace FedHealth.Hosting.Serialization.Fuzzing;

/// <summary>
/// Builds a populated instance of any protocol message through its constructor, so that every
/// message type — including ones added later — is round-tripped without a hand-written sample.
/// The few members whose contract a generic value would break get a valid one by name. The
/// round-trip specs and the fuzzer start from these.
/// </summary>
public static class WireSamples
{
    public static object Create(Type type, int seed = 1) => Value(type, seed, depth: 0)!;

    private static object? Value(Type type, int seed, int depth)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null)
        {
            return Value(nullable, seed, depth);
        }

        if (type == typeof(string)) return $"text-{seed}";
        if (type == typeof(int)) return 3 + seed;
        if (type == typeof(long)) return 1_000_000_007L * seed;
        if (type == typeof(uint)) return (uint)(7 + seed);
        if (type == typeof(ulong)) return (ulong)(11 + seed);
        if (type == typeof(double)) return 0.25 * seed;
        if (type == typeof(float)) return 0.5f * seed;
        if (type == typeof(bool)) return true;
        if (type == typeof(byte[])) return Enumerable.Range(0, 32).Select(i => (byte)(i * seed)).ToArray();
        if (type == typeof(ScoreHistogram)) return ScoreHistogram.Empty();
        if (type == typeof(SiteId)) return new SiteId($"site-{seed}");
        if (type == typeof(StudyId)) return new StudyId($"study-{seed}");
        if (type == typeof(ModelWeights)) return new ModelWeights([new TensorSpec("linear.weight", [1, 2]), new TensorSpec("linear.bias", [1])], [0.5f, -1.25f, 3f]);
        if (type.IsEnum) return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1);
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, 2);
            array.SetValue(Value(element, seed, depth + 1), 0);
            array.SetValue(Value(element, seed + 1, depth + 1), 1);
            return array;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var args = type.GetGenericArguments();
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args[0]))!;
                list.Add(Value(args[0], seed, depth + 1));
                list.Add(Value(args[0], seed + 1, depth + 1));
                return list;
            }

            if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
                dictionary.Add(Value(args[0], seed, depth + 1)!, Value(args[1], seed, depth + 1));
                dictionary.Add(Value(args[0], seed + 1, depth + 1)!, Value(args[1], seed + 1, depth + 1));
                return dictionary;
            }
        }

        if (depth > 6)
        {
            throw new InvalidOperationException($"Sample generation recursed too deep at {type}.");
        }

        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault() ?? throw new InvalidOperationException($"No public constructor on {type} to build a sample.");
        var parameters = constructor.GetParameters().Select((p, i) => Valid(p.Name, p.ParameterType) ?? Value(p.ParameterType, seed + i, depth + 1)).ToArray();
        return constructor.Invoke(parameters);
    }

    private static object? Valid(string? member, Type type) => member switch
    {
        "LocalEpochs" => 0,
        "Neighbours" or "Threshold" => 1,
        "SamplingRate" or "Accuracy" or "Auc" => 0.5,
        "Port" => 443,
        "Length" or "NumExamples" => Convert.ChangeType(120, type, System.Globalization.CultureInfo.InvariantCulture),
        "Manifest" => nameof(Core.Protocol.FitReply),
        _ => null,
    };
}
