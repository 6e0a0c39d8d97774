namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>
/// The backward map of one Studio Lite frame: for every output pixel of the face region, where to sample the
/// portrait, plus the mouth-interior paint and the eyelid shading to lay over it. Distances are in face units
/// (<see cref="FaceGeometry.Scale"/>, the interocular distance); s runs along the eyes, t down the face, both from
/// the mouth centre (or an eye centre).
/// </summary>
/// <remarks>
/// <para>Head: q = p + w(p)·(H⁻¹(p) − p), H(x) = P + R(roll)(x − P) + shift about a pivot P under the chin, w = 1 inside
/// the head ellipse and falling to 0 at its rim (smoothstep of the squared ellipse radius from 0.3 to 1), so the
/// portrait outside the head never moves and nothing tears. The face features below are evaluated at q.</para>
/// <para>Mouth, with A the opening: h(s) = 1 − (s/0.40)² inside the lips (0 outside), jaw g(s) = 1 − S(0.5, 1.1, |s|).
/// Below the lip line (t &gt; 0) t_src = t − 0.8A·((1 − β)h + βg)·(1 − S(0.7, 1.5, t)), β = S(0, 0.6, t): the lower lip
/// and jaw drop, the neck below the chin stays. Above it t_src = t + 0.2A·h·S(−0.45, −0.08, t): the upper lip rises a
/// little. Output pixels whose t_src lands on the wrong side of the lip line are inside the open mouth: they are
/// painted with the interior (dark, upper teeth below the upper lip) with alpha = clamp(distance to the nearer lip
/// edge in pixels + 0.5, 0, 1), which anti-aliases the lip edges. Lip spread: s_src = s·(1 − k·bump(s, t)).</para>
/// <para>Eyelids, with b the blink: arc = 1 − (s/0.3)² (a parabola: its slope stays finite at the corners, so the
/// skin there shears by at most ~1.2 px per px instead of tearing), the lid edge moves from top = −0.09·arc to
/// top + 0.18·arc·b; skin between the brow line (top − 0.16) and the lid edge is sampled from the band between the
/// brow line and the eye's upper edge, stretched down over the eye; a thin band above the lid edge is darkened
/// (lashes). At b = 1 the lid covers the eye to its lower edge.</para>
/// S(e0, e1, x) is smoothstep. The map is continuous except along the lip line and the lid edge, where real
/// faces have edges too.
/// </remarks>
internal sealed class FaceWarpField
{
    private const float MaxOpen = 0.26f;
    private const float UpperShare = 0.2f;
    private const float MouthHalfWidth = 0.40f;
    private const float LidHalfWidth = 0.3f;
    private const float EyeHalfHeight = 0.09f;
    private const float BrowGap = 0.16f;

    private readonly FaceGeometry _face;
    private readonly float _scale, _inv, _ux, _uy, _vx, _vy;
    private readonly float _headX, _headY, _headInvAx2, _headInvAy2, _pivotX, _pivotY;

    private float _cos = 1, _sin, _shiftX, _shiftY, _up, _low, _spread, _blink;
    private bool _moving, _mouth;

    public FaceWarpField(FaceGeometry face, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(face);
        _face = face;
        (_scale, _ux, _uy, _vx, _vy) = (face.Scale, face.Ux, face.Uy, face.Vx, face.Vy);
        _inv = 1f / _scale;

        // The head ellipse reaches above the face box for hair and a little past its sides for the ears.
        var box = face.Box;
        _headX = box.X + (box.Width / 2);
        _headY = box.Y + (0.38f * box.Height);
        var ax = 1.2f * box.Width;
        var ay = 1.45f * box.Height;
        (_headInvAx2, _headInvAy2) = (1 / (ax * ax), 1 / (ay * ay));
        (_pivotX, _pivotY) = (face.Mouth.X + (1.2f * _scale * _vx), face.Mouth.Y + (1.2f * _scale * _vy));

        // Every pixel the field can change: the head ellipse plus the mouth and eye boxes (in case the ellipse is small).
        float left = _headX - ax, right = _headX + ax, top = _headY - ay, bottom = _headY + ay;
        foreach (var (s, t) in new[] { (-1.1f, -0.6f), (1.1f, -0.6f), (-1.1f, 1.6f), (1.1f, 1.6f) })
        {
            var x = face.Mouth.X + (_scale * ((s * _ux) + (t * _vx)));
            var y = face.Mouth.Y + (_scale * ((s * _uy) + (t * _vy)));
            (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
        }

        Left = Math.Clamp((int)MathF.Floor(left) - 2, 0, width - 1);
        Top = Math.Clamp((int)MathF.Floor(top) - 2, 0, height - 1);
        Right = Math.Clamp((int)MathF.Ceiling(right) + 2, Left + 1, width);
        Bottom = Math.Clamp((int)MathF.Ceiling(bottom) + 2, Top + 1, height);
    }

    /// <summary>First column the field can change.</summary>
    public int Left { get; }

    /// <summary>First row the field can change.</summary>
    public int Top { get; }

    /// <summary>One past the last column.</summary>
    public int Right { get; }

    /// <summary>One past the last row.</summary>
    public int Bottom { get; }

    public void SetPose(in FacePose pose)
    {
        (_cos, _sin) = (MathF.Cos(pose.Roll), MathF.Sin(pose.Roll));
        (_shiftX, _shiftY) = (pose.ShiftX, pose.ShiftY);
        _moving = pose.Roll != 0 || pose.ShiftX != 0 || pose.ShiftY != 0;
        var open = MaxOpen * Math.Max(0, pose.MouthOpen);
        (_up, _low) = (UpperShare * open, (1 - UpperShare) * open);
        _spread = 0.08f * Math.Clamp(pose.MouthWidth, -1.5f, 1.5f) - (0.04f * Math.Min(pose.MouthOpen, 1.5f));
        _mouth = open > 0 || _spread != 0;
        _blink = Math.Clamp(pose.Blink, 0, 1);
    }

    /// <summary>Fills the map for row <paramref name="y"/>, columns x0 .. x0 + mapX.Length − 1.</summary>
    /// <returns>Whether any pixel of the row has paint or shade (so compositing can be skipped).</returns>
    public bool FillRow(int y, int x0, Span<float> mapX, Span<float> mapY, Span<float> alpha, Span<byte> paint, Span<float> shade)
    {
        var overlay = false;
        for (var i = 0; i < mapX.Length; i++)
        {
            float px = x0 + i, py = y, qx = px, qy = py;
            if (_moving)
            {
                float ex = px - _headX, ey = py - _headY;
                var r2 = (ex * ex * _headInvAx2) + (ey * ey * _headInvAy2);
                if (r2 < 1f)
                {
                    var w = 1f - SmoothStep(0.3f, 1f, r2);
                    float dx = px - _pivotX - _shiftX, dy = py - _pivotY - _shiftY;
                    qx += w * (_pivotX + (_cos * dx) + (_sin * dy) - px);
                    qy += w * (_pivotY - (_sin * dx) + (_cos * dy) - py);
                }
            }

            float ds = 0, dt = 0, a = 0, sh = 1;
            if (_mouth)
            {
                float mx = qx - _face.Mouth.X, my = qy - _face.Mouth.Y;
                var s = ((mx * _ux) + (my * _uy)) * _inv;
                var t = ((mx * _vx) + (my * _vy)) * _inv;
                if (s is > -1.1f and < 1.1f && t is > -0.6f and < 1.6f)
                {
                    a = Mouth(s, t, out ds, out dt, paint.Slice(i * 3, 3));
                }
            }

            if (_blink > 0)
            {
                dt += Eye(qx - _face.RightEye.X, qy - _face.RightEye.Y, ref sh);
                dt += Eye(qx - _face.LeftEye.X, qy - _face.LeftEye.Y, ref sh);
            }

            mapX[i] = qx + (_scale * ((ds * _ux) + (dt * _vx)));
            mapY[i] = qy + (_scale * ((ds * _uy) + (dt * _vy)));
            alpha[i] = a;
            shade[i] = sh;
            overlay |= a > 0 || sh < 1;
        }

        return overlay;
    }

    private float Mouth(float s, float t, out float ds, out float dt, Span<byte> paint)
    {
        var abs = Math.Abs(s);
        var bump = (1 - SmoothStep(0.5f, 1.1f, abs)) * (1 - SmoothStep(0.15f, 0.5f, Math.Abs(t)));
        var sSrc = s * (1 - (_spread * bump));
        ds = sSrc - s;
        var xm = sSrc / MouthHalfWidth;
        var h = xm * xm < 1 ? 1 - (xm * xm) : 0;
        float tSrc, inner, other;
        float gapUp = _up * h, gapLow = _low * h;
        if (t > 0)
        {
            var beta = SmoothStep(0, 0.6f, t);
            var jaw = 1 - SmoothStep(0.5f, 1.1f, abs);
            tSrc = t - (_low * (((1 - beta) * h) + (beta * jaw)) * (1 - SmoothStep(0.7f, 1.5f, t)));
            inner = -tSrc * _scale;
            other = (t + gapUp) * _scale;
        }
        else
        {
            tSrc = t + (_up * h * SmoothStep(-0.45f, -0.08f, t));
            inner = tSrc * _scale;
            other = (gapLow - t) * _scale;
        }

        var alpha = 0f;
        if (h > 0 && inner > -0.5f)
        {
            alpha = Math.Clamp(Math.Min(inner, other) + 0.5f, 0f, 1f);
            tSrc = t > 0 ? Math.Max(tSrc, 0) : Math.Min(tSrc, 0);
            if (alpha > 0)
            {
                Interior(abs, t + gapUp, gapUp + gapLow, paint);
            }
        }

        dt = tSrc - t;
        return alpha;
    }

    /// <summary>Mouth interior: dark red-brown, darkest mid-gap, upper teeth under the upper lip, a hint of lower teeth.</summary>
    private static void Interior(float abs, float fromTop, float gap, Span<byte> paint)
    {
        var y = gap > 0 ? Math.Clamp(fromTop / gap, 0, 1) : 0.5f;
        var depth = MathF.Sqrt(1 - Math.Abs((2 * y) - 1));
        var upper = (1 - SmoothStep(0.05f, 0.09f, fromTop)) * (1 - SmoothStep(0.16f, 0.28f, abs));
        var lower = 0.5f * (1 - SmoothStep(0.025f, 0.05f, gap - fromTop)) * (1 - SmoothStep(0.1f, 0.2f, abs));
        var teeth = 0.9f * Math.Max(upper, lower) * SmoothStep(0.04f, 0.1f, gap);
        var tone = 0.8f + (0.2f * (1 - y));
        // Lip-coloured at the edges, deep red-brown in the middle: a flat dark fill looks pasted on at 1024 px.
        paint[0] = (byte)Lerp(Lerp(104, 40, depth), 208 * tone, teeth);
        paint[1] = (byte)Lerp(Lerp(46, 14, depth), 200 * tone, teeth);
        paint[2] = (byte)Lerp(Lerp(48, 16, depth), 188 * tone, teeth);
    }

    /// <summary>Eyelid offset along v for a point (ex, ey) relative to an eye centre; darkens the lash line.</summary>
    private float Eye(float ex, float ey, ref float shade)
    {
        var s = ((ex * _ux) + (ey * _uy)) * _inv;
        var xe = s / LidHalfWidth;
        if (xe * xe >= 1)
        {
            return 0;
        }

        var t = ((ex * _vx) + (ey * _vy)) * _inv;
        var arc = 1 - (xe * xe);
        var top = -EyeHalfHeight * arc;
        var lid = top + (2 * EyeHalfHeight * arc * _blink);
        var brow = top - BrowGap;
        if (t <= brow || t >= lid)
        {
            return 0;
        }

        var above = (lid - t) * _scale;
        if (above < 1.5f)
        {
            shade *= 1 - (0.3f * _blink * arc * (1 - (above / 1.5f)));
        }

        var tSrc = brow + ((t - brow) * (top - brow) / (lid - brow));
        return tSrc - t;
    }

    private static float SmoothStep(float edge0, float edge1, float x)
    {
        var u = Math.Clamp((x - edge0) / (edge1 - edge0), 0f, 1f);
        return u * u * (3 - (2 * u));
    }

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}
