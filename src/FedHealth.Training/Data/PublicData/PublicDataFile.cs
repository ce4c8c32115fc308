namespace FedHealth.Training.Data.PublicData;

/// <summary>One upstream file and the MD5 sum its publisher (and the FLamby benchmark) checks.</summary>
public sealed record PublicDataFile(string Name, string Md5);
