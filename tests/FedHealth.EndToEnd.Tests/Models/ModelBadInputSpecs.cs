using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Models;

/// <summary>Each mistake with a model gets one clear line naming it: an unknown id, a tampered file, a CSV without a column, a newer manifest.</summary>
public sealed class ModelBadInputSpecs
{
    [Fact]
    public async Task Models_refuse_bad_input_with_a_clear_error()
    {
        var run = await ModelExportSpecs.Study("logreg");
        var modelFolder = Path.Combine(run.Folder, "model");

        (await FedHealthProcess.RunAsync("models", "show", "abcdef123456", "--from", run.Folder)).AssertRefusedWith("No model 'abcdef123456'");
        (await FedHealthProcess.RunAsync("models", "show", run.Id[..8], "--from", Path.Combine(run.Folder, "nowhere"))).AssertRefusedWith("no such folder");

        var withoutAge = FedHealthProcess.WriteCsv("sex,trestbps,chol,fbs,thalach,exang,oldpeak,cp_2,cp_3,cp_4,restecg_1,restecg_2\n1,120,236,0,178,0,0.8,1,0,0,0,0\n");
        (await FedHealthProcess.RunAsync("models", "predict", run.Id, "--from", run.Folder, "--data", withoutAge)).AssertRefusedWith("age");

        var notANumber = FedHealthProcess.WriteCsv("age,sex,trestbps,chol,fbs,thalach,exang,oldpeak,cp_2,cp_3,cp_4,restecg_1,restecg_2\nold,1,120,236,0,178,0,0.8,1,0,0,0,0\n");
        (await FedHealthProcess.RunAsync("models", "predict", run.Id, "--from", run.Folder, "--data", notANumber)).AssertRefusedWith("line 2");

        var weights = Path.Combine(modelFolder, run.Id + ".f32");
        var bytes = File.ReadAllBytes(weights);
        bytes[0] ^= 0x40;
        File.WriteAllBytes(weights, bytes);
        (await FedHealthProcess.RunAsync("models", "show", run.Id, "--from", run.Folder)).AssertRefusedWith("does not match its manifest");

        var manifest = Path.Combine(modelFolder, run.Id + ".json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"schema_version\": 1", "\"schema_version\": 2", StringComparison.Ordinal));
        (await FedHealthProcess.RunAsync("models", "list", "--from", run.Folder)).AssertRefusedWith("schema version 2");
    }
}
