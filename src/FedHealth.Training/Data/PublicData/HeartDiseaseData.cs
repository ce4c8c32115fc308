namespace FedHealth.Training.Data.PublicData;

/// <summary>
/// UCI Heart Disease, four hospitals (Janosi, Steinbrunn, Pfisterer, Detrano, 1988; CC BY 4.0):
/// Cleveland Clinic, Hungarian Institute of Cardiology Budapest, University Hospitals Zurich and
/// Basel, VA Medical Center Long Beach.
/// </summary>
public static class HeartDiseaseData
{
    public const string DefaultSource = "https://archive.ics.uci.edu/ml/machine-learning-databases/heart-disease/";

    public const string CombinedFileName = "heart_disease_4centers.csv";

    /// <summary>The four processed files in center order 0–3, with the sums FLamby checks.</summary>
    public static IReadOnlyList<PublicDataFile> Files { get; } =
    [
        new("processed.cleveland.data", "2d91a8ff69cfd9616aa47b59d6f843db"),
        new("processed.hungarian.data", "22e96bee155b5973568101c93b3705f6"),
        new("processed.switzerland.data", "9a87f7577310b3917730d06ba9349e20"),
        new("processed.va.data", "4249d03ca7711e84f4444768c9426170"),
    ];

    /// <summary>The 13 attributes in file order, then the diagnosis <c>num</c> (0–4).</summary>
    public static IReadOnlyList<string> Attributes { get; } =
        ["age", "sex", "cp", "trestbps", "chol", "fbs", "restecg", "thalach", "exang", "oldpeak", "slope", "ca", "thal"];

    /// <summary>Coded attributes to one-hot when training (`--categorical`).</summary>
    public static IReadOnlyList<string> Categorical { get; } = ["cp", "restecg", "slope", "thal"];
}
