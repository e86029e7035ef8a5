namespace SeeMe.Tests.Evaluation;

/// <summary>
/// An independent reference for the detection AP: a line-by-line transliteration of pycocotools'
/// cocoeval.py (Params.setDetParams, _prepare, computeIoU, evaluateImg, accumulate, summarize's mean) and
/// maskApi.c's bbIou, for iouType 'bbox', kept in numpy's shape (T×R×K×A×M arrays, all four area ranges and
/// the three maxDets) so it can be read against the Python. It shares no code with SeeMe.Core.Evaluation.
/// </summary>
internal sealed partial class CocoEvalReference
{
    public sealed class Ann
    {
        public int id, image_id, category_id, iscrowd;
        public double[] bbox = new double[4];
        public double area, score;
        public bool ignore;
        public int _ignore;
    }

    internal sealed class EvalImg
    {
        public int image_id, category_id, maxDet;
        public double[] aRng = [];
        public int[] dtIds = [], gtIds = [];
        public double[,] dtMatches = new double[0, 0], gtMatches = new double[0, 0];
        public double[] dtScores = [];
        public int[] gtIgnore = [];
        public bool[,] dtIgnore = new bool[0, 0];
    }

    // Params.setDetParams
    public readonly double[] iouThrs = Linspace(.5, 0.95, (int)Math.Round((0.95 - .5) / .05) + 1);
    public readonly double[] recThrs = Linspace(.0, 1.00, (int)Math.Round((1.00 - .0) / .01) + 1);
    readonly int[] maxDets = [1, 10, 100];
    readonly double[][] areaRng = [[0 * 0, 1e5 * 1e5], [0 * 0, 32 * 32], [32 * 32, 96 * 96], [96 * 96, 1e5 * 1e5]];
    readonly int[] imgIds;
    readonly int[] catIds;

    readonly List<Ann> gtAnns, dtAnns;
    readonly Dictionary<(int, int), List<Ann>> _gts = new(), _dts = new();
    readonly Dictionary<(int, int), double[,]?> ious = new();
    EvalImg?[] evalImgs = [];
    public double[,,,,] precision = new double[0, 0, 0, 0, 0];

    public CocoEvalReference(List<Ann> gts, List<Ann> dts, int[] imageIds, int[] categoryIds)
    {
        gtAnns = gts; dtAnns = dts;
        imgIds = imageIds.Distinct().OrderBy(i => i).ToArray();   // np.unique
        catIds = categoryIds.Distinct().OrderBy(i => i).ToArray();
    }

    /// <summary>np.linspace(start, stop, num, endpoint=True) for float64: arange(num) * step + start, last = stop.</summary>
    public static double[] Linspace(double start, double stop, int num)
    {
        var div = num - 1;
        var delta = stop - start;
        var step = delta / div;
        var y = new double[num];
        for (var i = 0; i < num; i++) { y[i] = i; y[i] *= step; y[i] += start; }
        y[num - 1] = stop;
        return y;
    }

    /// <summary>np.argsort(keys, kind='mergesort'): a stable top-down merge sort of the indices.</summary>
    public static int[] ArgsortMergesort(double[] keys)
    {
        var idx = Enumerable.Range(0, keys.Length).ToArray();
        var tmp = new int[idx.Length];
        void Sort(int lo, int hi)
        {
            if (hi - lo < 2) return;
            var mid = (lo + hi) / 2;
            Sort(lo, mid); Sort(mid, hi);
            int a = lo, b = mid, o = lo;
            while (a < mid && b < hi) tmp[o++] = keys[idx[b]] < keys[idx[a]] ? idx[b++] : idx[a++];
            while (a < mid) tmp[o++] = idx[a++];
            while (b < hi) tmp[o++] = idx[b++];
            Array.Copy(tmp, lo, idx, lo, hi - lo);
        }
        Sort(0, idx.Length);
        return idx;
    }

    void _prepare()
    {
        // getAnnIds(imgIds=p.imgIds, catIds=p.catIds): annotations in file order, filtered
        var gts = gtAnns.Where(a => imgIds.Contains(a.image_id) && catIds.Contains(a.category_id)).ToList();
        var dts = dtAnns.Where(a => imgIds.Contains(a.image_id) && catIds.Contains(a.category_id)).ToList();
        foreach (var gt in gts) { gt.ignore = false; gt.ignore = gt.iscrowd != 0; }
        foreach (var gt in gts) Get(_gts, gt.image_id, gt.category_id).Add(gt);
        foreach (var dt in dts) Get(_dts, dt.image_id, dt.category_id).Add(dt);
    }

    static List<Ann> Get(Dictionary<(int, int), List<Ann>> d, int img, int cat)
    {
        if (!d.TryGetValue((img, cat), out var list)) d[(img, cat)] = list = new List<Ann>();
        return list;
    }

    public void evaluate()
    {
        _prepare();
        foreach (var imgId in imgIds) foreach (var catId in catIds) ious[(imgId, catId)] = computeIoU(imgId, catId);
        var maxDet = maxDets[^1];
        var list = new List<EvalImg?>();
        foreach (var catId in catIds) foreach (var aRng in areaRng) foreach (var imgId in imgIds) list.Add(evaluateImg(imgId, catId, aRng, maxDet));
        evalImgs = list.ToArray();
    }

    double[,]? computeIoU(int imgId, int catId)
    {
        var gt = Get(_gts, imgId, catId);
        var dt = Get(_dts, imgId, catId);
        if (gt.Count == 0 && dt.Count == 0) return null;
        var inds = ArgsortMergesort(dt.Select(d => -d.score).ToArray());
        dt = inds.Select(i => dt[i]).ToList();
        if (dt.Count > maxDets[^1]) dt = dt.Take(maxDets[^1]).ToList();
        var g = gt.Select(x => x.bbox).ToList();
        var d = dt.Select(x => x.bbox).ToList();
        var iscrowd = gt.Select(o => o.iscrowd).ToArray();
        return maskUtils_iou(d, g, iscrowd);
    }

    /// <summary>_mask.pyx iou → maskApi.c bbIou; the result is [m dt × n gt] (o[g*m+d] reshaped).</summary>
    static double[,]? maskUtils_iou(List<double[]> dt, List<double[]> gt, int[] iscrowd)
    {
        int m = dt.Count, n = gt.Count;
        if (m == 0 || n == 0) return null;
        var o = new double[m, n];
        for (var g = 0; g < n; g++)
        {
            var G = gt[g]; var ga = G[2] * G[3]; var crowd = iscrowd[g] != 0;
            for (var d = 0; d < m; d++)
            {
                var D = dt[d]; var da = D[2] * D[3]; o[d, g] = 0;
                var w = Math.Min(D[2] + D[0], G[2] + G[0]) - Math.Max(D[0], G[0]); if (w <= 0) continue;
                var h = Math.Min(D[3] + D[1], G[3] + G[1]) - Math.Max(D[1], G[1]); if (h <= 0) continue;
                var i = w * h; var u = crowd ? da : da + ga - i; o[d, g] = i / u;
            }
        }
        return o;
    }

    EvalImg? evaluateImg(int imgId, int catId, double[] aRng, int maxDet)
    {
        var gt = Get(_gts, imgId, catId);
        var dt = Get(_dts, imgId, catId);
        if (gt.Count == 0 && dt.Count == 0) return null;
        foreach (var g in gt)
            g._ignore = g.ignore || (g.area < aRng[0] || g.area > aRng[1]) ? 1 : 0;

        var gtind = ArgsortMergesort(gt.Select(g => (double)g._ignore).ToArray());
        gt = gtind.Select(i => gt[i]).ToList();
        var dtind = ArgsortMergesort(dt.Select(d => -d.score).ToArray());
        dt = dtind.Take(maxDet).Select(i => dt[i]).ToList();
        var iscrowd = gt.Select(o => o.iscrowd).ToArray();
        var raw = ious[(imgId, catId)];
        double[,]? iousSel = null;   // self.ious[imgId, catId][:, gtind]
        if (raw != null)
        {
            iousSel = new double[raw.GetLength(0), gtind.Length];
            for (var r = 0; r < raw.GetLength(0); r++) for (var c = 0; c < gtind.Length; c++) iousSel[r, c] = raw[r, gtind[c]];
        }

        int T = iouThrs.Length, G = gt.Count, D = dt.Count;
        var gtm = new double[T, G];
        var dtm = new double[T, D];
        var gtIg = gt.Select(g => g._ignore).ToArray();
        var dtIg = new bool[T, D];
        if (iousSel != null)
        {
            for (var tind = 0; tind < T; tind++)
            {
                var t = iouThrs[tind];
                for (var dind = 0; dind < D; dind++)
                {
                    var d = dt[dind];
                    var iou = Math.Min(t, 1 - 1e-10);
                    var m = -1;
                    for (var gind = 0; gind < G; gind++)
                    {
                        if (gtm[tind, gind] > 0 && iscrowd[gind] == 0) continue;
                        if (m > -1 && gtIg[m] == 0 && gtIg[gind] == 1) break;
                        if (iousSel[dind, gind] < iou) continue;
                        iou = iousSel[dind, gind];
                        m = gind;
                    }
                    if (m == -1) continue;
                    dtIg[tind, dind] = gtIg[m] != 0;
                    dtm[tind, dind] = gt[m].id;
                    gtm[tind, m] = d.id;
                }
            }
        }
        var a = dt.Select(d => d.area < aRng[0] || d.area > aRng[1]).ToArray();
        for (var t = 0; t < T; t++) for (var d = 0; d < D; d++) dtIg[t, d] = dtIg[t, d] || (dtm[t, d] == 0 && a[d]);
        return new EvalImg
        {
            image_id = imgId, category_id = catId, aRng = aRng, maxDet = maxDet,
            dtIds = dt.Select(d => d.id).ToArray(), gtIds = gt.Select(g => g.id).ToArray(),
            dtMatches = dtm, gtMatches = gtm, dtScores = dt.Select(d => d.score).ToArray(),
            gtIgnore = gtIg, dtIgnore = dtIg,
        };
    }
}
