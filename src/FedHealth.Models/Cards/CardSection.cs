namespace FedHealth.Models.Cards;

/// <summary>One section of a model card: a title, lines of prose, an optional table and an optional figure (file name and PNG bytes).</summary>
public sealed record CardSection(string Title, IReadOnlyList<string> Lines)
{
    public IReadOnlyList<string>? Headers { get; init; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; } = [];

    public (string File, byte[] Png)? Figure { get; init; }
}
