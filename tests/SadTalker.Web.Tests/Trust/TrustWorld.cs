using SadTalker.Web.Data;
using SadTalker.Web.Tests.Generation;

namespace SadTalker.Web.Tests.Trust;

/// <summary>The jobs tests' world plus a 4 s audio clip and one finished job, shared by the trust tests.</summary>
public sealed class TrustWorld : IAsyncLifetime
{
    public GenerationWorld World { get; } = new();

    public Guid ShortAudio { get; private set; }

    public GenerationJob Job { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await World.InitializeAsync();
        ShortAudio = await TrustHelpers.UploadShortAudioAsync(World);
        Job = await TrustHelpers.FinishedJobAsync(World, ShortAudio);
    }

    public Task DisposeAsync() => World.DisposeAsync();
}
