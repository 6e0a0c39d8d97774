using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Faces;

namespace SadTalker.Inference.Tests.Engines;

/// <summary>The Studio Lite backward map: identity at rest, local changes only, no tearing.</summary>
public sealed class FaceWarpFieldTests
{
    private const int Size = 512;

    // An upright face: eyes 50 px apart at y = 200, mouth 55 px below them.
    private static readonly FaceGeometry Face = new(
        new FacePoint(200, 200), new FacePoint(250, 200), new FacePoint(225, 255), new FaceBox(178, 170, 94, 110), 1, 0, 50);

    [Fact]
    public void FillRow_RestPose_IsTheIdentity()
    {
        var field = new FaceWarpField(Face, Size, Size);
        field.SetPose(default);

        var map = Map(field);

        foreach (var (x, y, mx, my, alpha, shade) in map)
        {
            Assert.Equal((float)x, mx);
            Assert.Equal((float)y, my);
            Assert.Equal(0f, alpha);
            Assert.Equal(1f, shade);
        }
    }

    [Fact]
    public void FillRow_OpenMouth_PaintsAGapBetweenTheLipsOnly()
    {
        var field = new FaceWarpField(Face, Size, Size);
        field.SetPose(new FacePose(1, 0, 0, 0, 0, 0));

        var map = Map(field);

        var painted = map.Where(p => p.Alpha > 0.5f).ToList();
        Assert.NotEmpty(painted);
        Assert.All(painted, p =>
        {
            Assert.InRange(p.X, 225 - 20, 225 + 20); // inside the lips (half-width 0.4 face units)
            Assert.InRange(p.Y, 255 - 4, 255 + 12); // up to 0.2·0.26·50 px above and 0.8·0.26·50 px below
        });

        // The jaw drops: a point on the chin samples from above itself; the forehead does not move.
        var chin = map.Single(p => p.X == 225 && p.Y == 280);
        Assert.InRange(chin.MapY, 265, 278.5f);
        var forehead = map.Single(p => p.X == 225 && p.Y == 150);
        Assert.Equal((225f, 150f), (forehead.MapX, forehead.MapY));
    }

    [Fact]
    public void FillRow_Blink_ShadesAndMovesOnlyTheEyes()
    {
        var field = new FaceWarpField(Face, Size, Size);
        field.SetPose(new FacePose(0, 0, 1, 0, 0, 0));

        var changed = Map(field).Where(p => p.MapY != p.Y || p.Shade < 1).ToList();

        Assert.NotEmpty(changed);
        Assert.All(changed, p =>
        {
            Assert.True(Math.Abs(p.X - 200) <= 15 || Math.Abs(p.X - 250) <= 15, $"x {p.X}");
            Assert.InRange(p.Y, 200 - 13, 200 + 5);
        });
    }

    [Fact]
    public void FillRow_HeadMotion_InsideFollowsTheHeadOutsideStays()
    {
        var field = new FaceWarpField(Face, Size, Size);
        field.SetPose(new FacePose(0, 0, 0, 0, 2, -1));

        var map = Map(field);

        // At the face centre the head moves by the full shift: the output samples 2 px left and 1 px down.
        var centre = map.Single(p => p.X == 225 && p.Y == 220);
        Assert.Equal(223f, centre.MapX, 1e-3f);
        Assert.Equal(221f, centre.MapY, 1e-3f);
        Assert.True(field.Left > 0 && field.Right < Size && field.Top >= 0 && field.Bottom < Size);
        var rim = map.Where(p => p.X == field.Left || p.X == field.Right - 1).ToList();
        Assert.All(rim, p => Assert.Equal((float)p.X, p.MapX));
    }

    [Fact]
    public void FillRow_EverythingMoving_NoTearing()
    {
        var field = new FaceWarpField(Face, Size, Size);
        field.SetPose(new FacePose(1.5f, 1, 1, 2 * MathF.PI / 180, 2, 1.5f));
        var map = Map(field).ToDictionary(p => (p.X, p.Y));

        // Neighbouring pixels sample neighbouring places (within 1 px of the unit step; the strongest shear is at the
        // eye corners in a full blink), except on the lips themselves, whose outline opens steeply at the corners,
        // and across the lid edge, which is a real edge and is shaded.
        var worst = 0f;
        foreach (var ((x, y), p) in map)
        {
            foreach (var (dx, dy) in new[] { (1, 0), (0, 1) })
            {
                if (!map.TryGetValue((x + dx, y + dy), out var q) || p.Alpha > 0 || q.Alpha > 0 || p.Shade < 1 || q.Shade < 1
                    || (Math.Abs(p.MapY - 255) <= 12 && Math.Abs(p.MapX - 225) <= 22))
                {
                    continue;
                }

                var jump = MathF.Sqrt(MathF.Pow(q.MapX - p.MapX - dx, 2) + MathF.Pow(q.MapY - p.MapY - dy, 2));
                worst = Math.Max(worst, jump);
            }
        }

        Assert.InRange(worst, 0, 1f);
    }

    private static List<(int X, int Y, float MapX, float MapY, float Alpha, float Shade)> Map(FaceWarpField field)
    {
        var n = field.Right - field.Left;
        float[] mx = new float[n], my = new float[n], alpha = new float[n], shade = new float[n];
        var paint = new byte[n * 3];
        var result = new List<(int, int, float, float, float, float)>();
        for (var y = field.Top; y < field.Bottom; y++)
        {
            field.FillRow(y, field.Left, mx, my, alpha, paint, shade);
            for (var i = 0; i < n; i++)
            {
                result.Add((field.Left + i, y, mx[i], my[i], alpha[i], shade[i]));
            }
        }

        return result;
    }
}
