namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>Streams the <see cref="FacePose"/> of every frame: mouth from the audio, blinks and head motion seeded.</summary>
/// <remarks>
/// Head motion (none when still): two octaves of <see cref="SmoothNoise"/> per channel,
/// <code>
/// roll  = 2°   · (0.75·n(60 frames) + 0.25·n(23))
/// shift = 1.5% · face size · (0.75·n(75) + 0.25·n(29))        (x; y uses 1% and periods 55, 19)
/// nod   = +0.8% · face size · slow(open)                        (the head dips a little on stressed syllables)
/// </code>
/// with slow(open) the mouth opening through a one-pole low-pass (k = 0.12). All generators draw from one
/// <see cref="Random"/> per concern, so a seed reproduces the frames exactly and the pose style varies the motion.
/// </remarks>
internal sealed class MotionTrack
{
    private const float MaxRoll = 2f * MathF.PI / 180f;

    private readonly MouthDrive _mouth;
    private readonly BlinkSchedule _blinks;
    private readonly SmoothNoise[] _head;
    private readonly bool _still;
    private readonly float _faceSize;
    private float _nod;
    private int _frame;

    public MotionTrack(MouthDrive mouth, int seed, int poseStyle, bool still, float faceSize)
    {
        ArgumentNullException.ThrowIfNull(mouth);
        _mouth = mouth;
        _still = still;
        _faceSize = faceSize;
        _blinks = new BlinkSchedule(new Random(seed));

        // A fixed mix (not HashCode, which is randomised per process) keeps runs reproducible across processes.
        var head = new Random(unchecked((seed * 1_000_003) + (poseStyle * 7_919) + 17));
        _head =
        [
            new SmoothNoise(head, 60), new SmoothNoise(head, 23),
            new SmoothNoise(head, 75), new SmoothNoise(head, 29),
            new SmoothNoise(head, 55), new SmoothNoise(head, 19),
        ];
    }

    public int FrameCount => _mouth.FrameCount;

    public FacePose Next()
    {
        var i = _frame++;
        var open = _mouth.Open(i);
        var blink = _blinks.Next();
        if (_still)
        {
            return new FacePose(open, _mouth.Width(i), blink, 0, 0, 0);
        }

        _nod += 0.12f * (open - _nod);
        var roll = MaxRoll * ((0.75f * _head[0].Next()) + (0.25f * _head[1].Next()));
        var x = 0.015f * _faceSize * ((0.75f * _head[2].Next()) + (0.25f * _head[3].Next()));
        var y = _faceSize * ((0.010f * ((0.75f * _head[4].Next()) + (0.25f * _head[5].Next()))) + (0.008f * _nod));
        return new FacePose(open, _mouth.Width(i), blink, roll, x, y);
    }
}
