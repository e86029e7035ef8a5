namespace SeeMe.Tests.Evaluation;

/// <summary>The second half of the transliteration: cocoeval.py's accumulate and summarize's mean.</summary>
internal sealed partial class CocoEvalReference
{
    public void accumulate()
    {
        int T = iouThrs.Length, R = recThrs.Length, K = catIds.Length, A = areaRng.Length, M = maxDets.Length;
        precision = new double[T, R, K, A, M];
        foreach (var idx in Indices(T, R, K, A, M)) precision[idx.Item1, idx.Item2, idx.Item3, idx.Item4, idx.Item5] = -1;
        int I0 = imgIds.Length, A0 = areaRng.Length;
        for (var k = 0; k < K; k++)
        {
            var Nk = k * A0 * I0;
            for (var a = 0; a < A; a++)
            {
                var Na = a * I0;
                for (var m = 0; m < M; m++)
                {
                    var maxDet = maxDets[m];
                    var E = Enumerable.Range(0, I0).Select(i => evalImgs[Nk + Na + i]).Where(e => e != null).Select(e => e!).ToList();
                    if (E.Count == 0) continue;
                    var dtScores = E.SelectMany(e => e.dtScores.Take(maxDet)).ToArray();
                    var inds = ArgsortMergesort(dtScores.Select(s => -s).ToArray());
                    var dtm = Concat(E, e => e.dtMatches, maxDet, inds, v => v);
                    var dtIg = Concat(E, e => e.dtIgnore, maxDet, inds, v => v);
                    var gtIg = E.SelectMany(e => e.gtIgnore).ToArray();
                    var npig = gtIg.Count(g => g == 0);
                    if (npig == 0) continue;
                    var nd = inds.Length;
                    for (var t = 0; t < T; t++)
                    {
                        // tps = dtm & ~dtIg; fps = ~dtm & ~dtIg; cumsum along the detections, as float
                        var tp = new double[nd]; var fp = new double[nd];
                        long tpc = 0, fpc = 0;
                        for (var i = 0; i < nd; i++)
                        {
                            if (dtm[t][i] != 0 && !dtIg[t][i]) tpc++;
                            if (dtm[t][i] == 0 && !dtIg[t][i]) fpc++;
                            tp[i] = tpc; fp[i] = fpc;
                        }
                        var rc = tp.Select(x => x / npig).ToArray();
                        var pr = tp.Select((x, i) => x / (fp[i] + x + 2.220446049250313e-16)).ToArray();
                        var q = new double[R];
                        for (var i = nd - 1; i > 0; i--) if (pr[i] > pr[i - 1]) pr[i - 1] = pr[i];
                        var searched = recThrs.Select(r => SearchsortedLeft(rc, r)).ToArray();
                        for (var ri = 0; ri < searched.Length; ri++)
                        {
                            var pi = searched[ri];
                            if (pi >= pr.Length) break;   // the IndexError caught by `except: pass`
                            q[ri] = pr[pi];
                        }
                        for (var r = 0; r < R; r++) precision[t, r, k, a, m] = q[r];
                    }
                }
            }
        }
    }

    /// <summary>np.searchsorted(a, v, side='left') as its definition: the count of entries strictly below v.</summary>
    static int SearchsortedLeft(double[] a, double v)
    {
        var i = 0;
        while (i < a.Length && a[i] < v) i++;
        return i;
    }

    static T2[][] Concat<T1, T2>(List<EvalImg> E, Func<EvalImg, T1[,]> field, int maxDet, int[] inds, Func<T1, T2> convert)
    {
        var T = E[0].dtMatches.GetLength(0);
        var rows = new T2[T][];
        for (var t = 0; t < T; t++)
        {
            var concatenated = E.SelectMany(e => { var f = field(e); return Enumerable.Range(0, Math.Min(maxDet, f.GetLength(1))).Select(d => convert(f[t, d])); }).ToArray();
            rows[t] = inds.Select(i => concatenated[i]).ToArray();
        }
        return rows;
    }

    static IEnumerable<(int, int, int, int, int)> Indices(int T, int R, int K, int A, int M)
    {
        for (var t = 0; t < T; t++) for (var r = 0; r < R; r++) for (var k = 0; k < K; k++) for (var a = 0; a < A; a++) for (var m = 0; m < M; m++)
            yield return (t, r, k, a, m);
    }

    /// <summary>summarize's mean: np.mean(s[s > -1]) over area 'all' (0) and maxDets 100 (2), -1 when nothing is left.</summary>
    public double Mean(int? iouIndex, int? categoryIndex)
    {
        var values = new List<double>();
        for (var t = 0; t < iouThrs.Length; t++)
        {
            if (iouIndex.HasValue && t != iouIndex) continue;
            for (var r = 0; r < recThrs.Length; r++)
                for (var k = 0; k < catIds.Length; k++)
                {
                    if (categoryIndex.HasValue && k != categoryIndex) continue;
                    var s = precision[t, r, k, 0, 2];
                    if (s > -1) values.Add(s);
                }
        }
        return values.Count == 0 ? -1 : values.Average();
    }
}
