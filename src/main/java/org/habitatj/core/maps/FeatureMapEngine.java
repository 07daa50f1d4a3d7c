package org.habitatj.core.maps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Preprocessing;
import org.habitatj.core.image.Volume;
import org.habitatj.core.progress.CanceledException;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Sliding-window (voxel-based) radiomics feature maps: for every ROI voxel, the features of the
 * kernel around it (PyRadiomics voxel-based extraction; the ITHscore package's per-pixel windows).
 *
 * <h2>Kernel</h2>
 *
 * <ul>
 *   <li>{@link KernelShape#CUBE_3D}: box of half-widths (rx, ry, rz) voxels; {@link
 *       KernelShape#SQUARE_2D}: rz = 0 (one slice). The radius is given in voxels ({@link
 *       Builder#radiusVoxels}, default {@code settings.kernelRadius()}, counted on the image grid as
 *       in PyRadiomics, pyradiomics #699) or in mm ({@link Builder#radiusMm}: per axis r_d =
 *       floor(r_mm / spacing_d), i.e. every voxel whose centre lies within r_mm along each axis;
 *       the voxel radii used are reported in {@link FeatureMaps#radiusVoxels()}).
 *   <li>Masked kernel ({@code settings.maskedKernel()}, default): kernel ∩ ROI ∩ image. Unmasked:
 *       kernel ∩ image. Nothing is padded at the image border (cases C08, C09).
 * </ul>
 *
 * <h2>Discretisation</h2>
 *
 * See {@link MapDiscretization}. A window's value equals the whole-ROI feature computed on a mask
 * equal to that window with the same bin edges and Ng (case C11).
 *
 * <h2>Agreement with PyRadiomics (reference/voxel_maps runs a–d: every value within 1e-6)</h2>
 *
 * Two documented upstream defects are <b>not</b> reproduced; there our value is the C11 oracle
 * (the whole-ROI feature on a mask equal to the window, same edges):
 *
 * <ul>
 *   <li>GLCM MCC in 3D voxel mode is all NaN in PyRadiomics (pyradiomics#937: a kernel with an
 *       empty direction makes {@code numpy.linalg.eigvals} fail for the whole batch); ours is
 *       finite, from the non-empty directions.
 *   <li>GLCM JointAverage in 3D voxel mode is NaN in PyRadiomics for kernels with an empty
 *       direction (plain mean over angles instead of nanmean); ours averages the non-empty
 *       directions like every other GLCM feature.
 * </ul>
 *
 * Flat windows follow PyRadiomics' flat-region conventions (case C06: Correlation 1, Imc1 0,
 * Skewness/Kurtosis 0, ...), so no ROI voxel is NaN unless the window has no neighbour pair at all
 * (a texture matrix that PyRadiomics cannot build either).
 *
 * <h2>Output and determinism</h2>
 *
 * One float map per feature on the full image grid, NaN outside the ROI; {@link FeatureMaps}
 * stores the ROI voxels' values and builds a full-grid array only when asked for. Work is split
 * into a fixed partition of ROI voxels (chunks of {@link Builder#chunkSize} in x-fastest order);
 * every voxel's value depends only on its window, so results are identical for any thread count
 * and chunk size. Memory is streamed: only one window's matrices per thread exist at any time (C12).
 */
public final class FeatureMapEngine {

  /** Families that have a map (shape has none). */
  public static final List<String> MAP_FAMILIES =
      List.of("firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm");

  private final Volume volume;
  private final Mask mask;
  private final RadiomicsSettings settings;
  private final KernelShape shape;
  private final int[] radius;
  private final MapDiscretization discretization;
  private final List<WindowCalculator> calculators;
  private final List<int[]> selection; // {calculatorIndex, featureIndex}
  private final List<FeatureInfo> outFeatures;
  private final ExecutorService executor;
  private final int threads;
  private final int chunkSize;
  private final Progress progress;
  private final String description;

  private FeatureMapEngine(Builder b) {
    if (b.volume == null || b.mask == null) {
      throw new IllegalArgumentException("feature maps need an image volume and a mask");
    }
    if (!b.volume.geometry().sameGrid(b.mask.geometry())) {
      throw new IllegalArgumentException(
          "image and mask grids differ: image "
              + b.volume.geometry().describe()
              + "; mask "
              + b.mask.geometry().describe());
    }
    if (b.mask.isEmpty()) {
      throw new IllegalArgumentException(
          "mask is empty for label " + b.settings.label() + ": no voxel to map");
    }
    this.volume = b.volume;
    this.mask = b.mask;
    this.settings = b.settings;
    this.shape = b.shape;
    this.discretization = b.discretization;
    double[] sp = volume.geometry().spacing();
    int[] r = new int[3];
    String radiusText;
    if (b.radiusMm != null) {
      double rmm = b.radiusMm;
      if (!(rmm >= 0) || Double.isInfinite(rmm)) {
        throw new IllegalArgumentException("kernel radius must be >= 0 mm, got " + rmm);
      }
      for (int d = 0; d < 3; d++) {
        r[d] = (int) Math.floor(rmm / sp[d] + 1e-9);
      }
      radiusText = String.format(Locale.ROOT, "radius %.4g mm", rmm);
    } else {
      int rv = b.radiusVoxels != null ? b.radiusVoxels : settings.kernelRadius();
      if (rv < 0) {
        throw new IllegalArgumentException("kernel radius must be >= 0 voxels, got " + rv);
      }
      Arrays.fill(r, rv);
      radiusText = "radius " + rv + " voxels";
    }
    if (shape == KernelShape.SQUARE_2D) {
      r[2] = 0;
    }
    this.radius = r;
    this.calculators = new ArrayList<>();
    this.selection = new ArrayList<>();
    this.outFeatures = new ArrayList<>();
    Map<String, List<String>> wanted = b.features != null ? b.features : defaultFeatures(settings);
    List<WindowCalculator> extra = b.calculators;
    if (extra != null) {
      for (WindowCalculator c : extra) {
        addCalculator(c, List.of());
      }
    }
    for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
      addCalculator(
          WindowCalculators.forFamily(e.getKey(), discretization, e.getValue()), e.getValue());
    }
    if (outFeatures.isEmpty()) {
      throw new IllegalArgumentException("no feature selected for the maps");
    }
    this.executor = b.executor;
    this.threads = Math.max(1, b.threads);
    this.chunkSize = Math.max(1, b.chunkSize);
    this.progress = b.progress == null ? Progress.NONE : b.progress;
    this.description =
        String.format(
            Locale.ROOT,
            "%s kernel %s = (%d, %d, %d) voxels = (%.4g, %.4g, %.4g) mm, %s, %s",
            shape == KernelShape.CUBE_3D ? "3D cube" : "2D square",
            radiusText,
            r[0],
            r[1],
            r[2],
            r[0] * sp[0],
            r[1] * sp[1],
            r[2] * sp[2],
            settings.maskedKernel() ? "masked (kernel ∩ ROI ∩ image)" : "unmasked (kernel ∩ image)",
            discretization == MapDiscretization.WHOLE_ROI_ONCE
                ? "discretised once over the " + (settings.maskedKernel() ? "ROI" : "ROI box ± radius")
                : "discretised per window");
  }

  private void addCalculator(WindowCalculator c, List<String> names) {
    int ci = calculators.size();
    calculators.add(c);
    List<FeatureInfo> fs = c.features();
    if (names.isEmpty()) {
      for (int i = 0; i < fs.size(); i++) {
        selection.add(new int[] {ci, i});
        outFeatures.add(fs.get(i));
      }
      return;
    }
    for (String n : names) {
      int found = -1;
      for (int i = 0; i < fs.size(); i++) {
        if (fs.get(i).name().equals(n)) {
          found = i;
        }
      }
      if (found < 0) {
        throw new IllegalArgumentException(
            "unknown " + (fs.isEmpty() ? "" : fs.get(0).family()) + " feature '" + n + "'");
      }
      selection.add(new int[] {ci, found});
      outFeatures.add(fs.get(found));
    }
  }

  private static Map<String, List<String>> defaultFeatures(RadiomicsSettings s) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    s.enabledFeatures().forEach((k, v) -> {
      if (MAP_FAMILIES.contains(k)) {
        m.put(k, v);
      }
    });
    return m;
  }

  /**
   * Parses a feature choice: comma/space separated items, each a class name ({@code glcm} = all
   * its features) or {@code class_Feature} / {@code original_class_Feature} (one feature), e.g.
   * {@code "firstorder, glcm_Contrast, glcm_Idm"}. An empty string or {@code all} means all map classes.
   *
   * @return class → feature names (empty list = all), in the order given
   * @throws IllegalArgumentException naming an unknown class
   */
  public static Map<String, List<String>> parseFeatures(String text) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("all")) {
      for (String f : MAP_FAMILIES) {
        m.put(f, List.of());
      }
      return m;
    }
    for (String item : text.trim().split("[,;\\s]+")) {
      String t = item.startsWith("original_") ? item.substring("original_".length()) : item;
      int u = t.indexOf('_');
      String fam = (u < 0 ? t : t.substring(0, u)).toLowerCase(java.util.Locale.ROOT);
      if (!MAP_FAMILIES.contains(fam) && !fam.equals("shape")) {
        throw new IllegalArgumentException(
            "unknown feature class '" + fam + "' in '" + item + "'; use one of " + MAP_FAMILIES);
      }
      if (u < 0) {
        m.put(fam, List.of());
      } else {
        List<String> cur = m.get(fam);
        if (cur != null && cur.isEmpty()) {
          continue; // whole class already chosen
        }
        List<String> l = new ArrayList<>(cur == null ? List.of() : cur);
        l.add(t.substring(u + 1));
        m.put(fam, l);
      }
    }
    return m;
  }

  public static Builder builder(Volume volume, Mask mask) {
    return new Builder(volume, mask);
  }

  /** The features that {@link #run()} maps, in output order. */
  public List<FeatureInfo> features() {
    return List.copyOf(outFeatures);
  }

  /** Kernel radius (x, y, z) in voxels. */
  public int[] radiusVoxels() {
    return radius.clone();
  }

  public String description() {
    return description;
  }

  /**
   * Computes the maps.
   *
   * @return the maps, stored at the ROI voxels (full-grid arrays on demand, {@link
   *     FeatureMaps#map(int)})
   * @throws CanceledException if the progress reports a cancel
   * @throws IllegalArgumentException if the discretisation gives too many grey levels (C07)
   */
  public FeatureMaps run() {
    Geometry g = volume.geometry();
    int nOut = outFeatures.size();
    int[][] voxels = new int[1][];
    float[][] values = new float[nOut][];
    runInto(
        new VoxelSink() {
          @Override
          public void begin(int[] voxelIndices) {
            voxels[0] = voxelIndices;
            for (int f = 0; f < nOut; f++) {
              values[f] = new float[voxelIndices.length];
            }
          }

          @Override
          public void accept(int ordinal, int voxelIndex, double[] v) {
            for (int f = 0; f < nOut; f++) {
              values[f][ordinal] = (float) v[f];
            }
          }
        });
    double[] sp = g.spacing();
    return FeatureMaps.ofRoi(
        g,
        List.copyOf(outFeatures),
        voxels[0],
        values,
        radius.clone(),
        new double[] {radius[0] * sp[0], radius[1] * sp[1], radius[2] * sp[2]},
        description);
  }

  /** Receives the double-precision feature values of one ROI voxel (called from worker threads). */
  interface VoxelSink {
    /**
     * Called once before any {@link #accept}, from the calling thread.
     *
     * @param voxelIndices ascending linear indices on the full image grid of the voxels that
     *     will be computed (the ROI after any re-segmentation); ordinal k of {@link #accept} is
     *     {@code voxelIndices[k]}
     */
    default void begin(int[] voxelIndices) {}

    /**
     * @param ordinal position of the voxel in {@link #begin}'s list
     * @param voxelIndex linear index on the full image grid
     * @param values the selected features in {@link #features()} order (buffer reused: copy)
     */
    void accept(int ordinal, int voxelIndex, double[] values);
  }

  /** Computes every ROI voxel and hands its values to the sink (distinct voxels may be concurrent). */
  void runInto(VoxelSink sink) {
    Geometry g = volume.geometry();
    int sx = g.size(0);
    int sy = g.size(1);
    int sz = g.size(2);
    double[] whole = null;
    Mask mask = this.mask;
    if (settings.normalize() || settings.resegmentRange() != null) {
      whole = volume.toDoubleArray();
      if (settings.normalize()) {
        whole = Preprocessing.normalize(whole, settings.normalizeScale(), settings.removeOutliers());
      }
      if (settings.resegmentRange() != null) {
        mask = Preprocessing.resegment(whole, mask, settings.resegmentRange(), settings.resegmentMode());
        if (mask.isEmpty()) {
          throw new IllegalArgumentException(
              "re-segmentation range " + Arrays.toString(settings.resegmentRange())
                  + " leaves no ROI voxel");
        }
      }
    }
    int[] bb = mask.boundingBox();
    // crop box = ROI bbox ± radius, clipped at the image border (contains every kernel ∩ image)
    int ox = Math.max(0, bb[0] - radius[0]);
    int oy = Math.max(0, bb[1] - radius[1]);
    int oz = Math.max(0, bb[2] - radius[2]);
    int bx = Math.min(sx - 1, bb[3] + radius[0]) - ox + 1;
    int by = Math.min(sy - 1, bb[4] + radius[1]) - oy + 1;
    int bz = Math.min(sz - 1, bb[5] + radius[2]) - oz + 1;
    int nb = bx * by * bz;
    progress.status("Feature maps: " + description);

    double[] values = readBox(whole, ox, oy, oz, bx, by, bz);
    byte[] roi = new byte[nb];
    byte[] md = mask.data();
    int nRoi = 0;
    for (int z = 0; z < bz; z++) {
      for (int y = 0; y < by; y++) {
        int src = g.index(ox, oy + y, oz + z);
        int dst = bx * (y + by * z);
        for (int x = 0; x < bx; x++) {
          roi[dst + x] = md[src + x];
          nRoi += md[src + x];
        }
      }
    }
    int[] roiIdx = new int[nRoi];
    int[] roiGrid = new int[nRoi];
    for (int i = 0, k = 0; i < nb; i++) {
      if (roi[i] != 0) {
        roiIdx[k] = i;
        int z = i / (bx * by);
        int rem = i - z * bx * by;
        int y = rem / bx;
        roiGrid[k++] = (ox + rem - y * bx) + sx * ((oy + y) + sy * (oz + z));
      }
    }
    sink.begin(roiGrid.clone());
    boolean masked = settings.maskedKernel();
    byte[] eligible;
    if (masked) {
      eligible = roi;
    } else {
      eligible = new byte[nb];
      Arrays.fill(eligible, (byte) 1);
    }
    int[] levels = null;
    int ng = 0;
    Binning globalBinning = null;
    if (discretization == MapDiscretization.WHOLE_ROI_ONCE) {
      // PyRadiomics: discretisation mask = ROI (masked) or the whole cropped box (unmasked)
      globalBinning = Binning.fit(values, eligible, settings);
      levels = new int[nb];
      for (int i = 0; i < nb; i++) {
        if (eligible[i] != 0) {
          int l = globalBinning.level(values[i]);
          levels[i] = l;
          ng = Math.max(ng, l);
        }
      }
    }

    int nOut = outFeatures.size();
    int[] offsets = new int[calculators.size() + 1];
    for (int c = 0; c < calculators.size(); c++) {
      offsets[c + 1] = offsets[c] + calculators.get(c).features().size();
    }
    int[] selOffset = new int[nOut];
    for (int f = 0; f < nOut; f++) {
      int[] s = selection.get(f);
      selOffset[f] = offsets[s[0]] + s[1];
    }
    int maxVox = (2 * radius[0] + 1) * (2 * radius[1] + 1) * (2 * radius[2] + 1);
    RunState st = new RunState();
    st.bx = bx;
    st.by = by;
    st.bz = bz;
    st.values = values;
    st.levels = levels;
    st.ng = ng;
    st.eligible = eligible;
    st.maxVox = maxVox;
    st.distinctLevels = distinct(levels, eligible, ng);
    st.spacing = g.spacing();
    st.totalWidth = offsets[calculators.size()];

    int chunk = Math.min(chunkSize, nRoi);
    int nChunks = (nRoi + chunk - 1) / chunk;
    AtomicInteger done = new AtomicInteger();
    ConcurrentLinkedDeque<WorkerSet> pool = new ConcurrentLinkedDeque<>();
    Runnable[] tasks = new Runnable[nChunks];
    for (int c = 0; c < nChunks; c++) {
      final int from = c * chunk;
      final int to = Math.min(nRoi, from + chunk);
      tasks[c] =
          () -> {
            if (progress.isCanceled()) {
              throw new CanceledException();
            }
            WorkerSet ws = pool.pollFirst();
            double[] sel = new double[nOut];
            if (ws == null) {
              ws = new WorkerSet(st);
            }
            try {
              for (int k = from; k < to; k++) {
                int b = roiIdx[k];
                int z = b / (bx * by);
                int rem = b - z * bx * by;
                int y = rem / bx;
                int x = rem - y * bx;
                ws.fill(x, y, z);
                ws.computeAll();
                double[] out = ws.out;
                for (int f = 0; f < nOut; f++) {
                  sel[f] = out[selOffset[f]];
                }
                sink.accept(k, roiGrid[k], sel);
              }
            } finally {
              pool.addFirst(ws);
            }
            progress.fraction(done.incrementAndGet() / (double) nChunks);
          };
    }
    execute(tasks);
    progress.fraction(1);
  }

  private static int distinct(int[] levels, byte[] region, int ng) {
    if (levels == null) {
      return 0;
    }
    boolean[] seen = new boolean[ng + 1];
    int d = 0;
    for (int i = 0; i < levels.length; i++) {
      if (region[i] != 0 && !seen[levels[i]]) {
        seen[levels[i]] = true;
        d++;
      }
    }
    return d;
  }

  private void execute(Runnable[] tasks) {
    if (executor == null && threads == 1) {
      for (Runnable t : tasks) {
        t.run();
      }
      return;
    }
    ExecutorService ex = executor != null ? executor : Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>(tasks.length);
      for (Runnable t : tasks) {
        fs.add(ex.submit(t));
      }
      try {
        for (Future<?> f : fs) {
          f.get();
        }
      } catch (ExecutionException e) {
        for (Future<?> f : fs) {
          f.cancel(true);
        }
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
          throw re;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(c);
      } catch (InterruptedException e) {
        for (Future<?> f : fs) {
          f.cancel(true);
        }
        Thread.currentThread().interrupt();
        throw new CanceledException();
      }
    } finally {
      if (executor == null) {
        ex.shutdownNow();
      }
    }
  }

  /**
   * Intensities of the crop box, after PyRadiomics normalisation (over the whole image, {@link
   * Preprocessing#normalize}) when enabled.
   */
  private double[] readBox(double[] whole, int ox, int oy, int oz, int bx, int by, int bz) {
    double[] out = new double[bx * by * bz];
    Geometry g = volume.geometry();
    if (whole != null) {
      int i = 0;
      for (int z = 0; z < bz; z++) {
        for (int y = 0; y < by; y++) {
          int src = g.index(ox, oy + y, oz + z);
          System.arraycopy(whole, src, out, i, bx);
          i += bx;
        }
      }
      return out;
    }
    RandomAccess<? extends RealType<?>> ra = volume.values().randomAccess();
    int i = 0;
    for (int z = 0; z < bz; z++) {
      for (int y = 0; y < by; y++) {
        ra.setPosition(new long[] {ox, oy + y, oz + z});
        for (int x = 0; x < bx; x++, i++) {
          out[i] = ra.get().getRealDouble();
          ra.fwd(0);
        }
      }
    }
    return out;
  }

  /** Shared read-only state of one run. */
  static final class RunState {
    int bx;
    int by;
    int bz;
    double[] values;
    int[] levels;
    int ng;
    byte[] eligible;
    int maxVox;
    int distinctLevels;
    double[] spacing;
    int totalWidth;
  }

  /** Per-thread window + workers + output buffer. */
  final class WorkerSet {
    final RunState st;
    final Window w;
    final WindowCalculator.Worker[] workers;
    final int[] offsets;
    final double[] out;
    final Binning.Local localBinning;

    WorkerSet(RunState st) {
      this.st = st;
      this.w = new Window(st.bx, st.by, st.bz, st.spacing, st.maxVox);
      w.rx = radius[0];
      w.ry = radius[1];
      w.rz = radius[2];
      w.eligible = st.eligible;
      w.boxLevels = st.levels != null ? st.levels : new int[st.bx * st.by * st.bz];
      w.distinctLevels = st.distinctLevels;
      this.workers = new WindowCalculator.Worker[calculators.size()];
      this.offsets = new int[calculators.size()];
      int off = 0;
      for (int c = 0; c < workers.length; c++) {
        workers[c] = calculators.get(c).newWorker(st.maxVox, settings);
        offsets[c] = off;
        off += calculators.get(c).features().size();
      }
      this.out = new double[off];
      this.localBinning = st.levels == null ? new Binning.Local(settings) : null;
    }

    void fill(int cx, int cy, int cz) {
      Window win = w;
      win.invalidate();
      win.cx = cx;
      win.cy = cy;
      win.cz = cz;
      int kx0 = Math.max(0, cx - radius[0]);
      int kx1 = Math.min(st.bx - 1, cx + radius[0]);
      int ky0 = Math.max(0, cy - radius[1]);
      int ky1 = Math.min(st.by - 1, cy + radius[1]);
      int kz0 = Math.max(0, cz - radius[2]);
      int kz1 = Math.min(st.bz - 1, cz + radius[2]);
      win.kx0 = kx0;
      win.kx1 = kx1;
      win.ky0 = ky0;
      win.ky1 = ky1;
      win.kz0 = kz0;
      win.kz1 = kz1;
      int x0 = Integer.MAX_VALUE;
      int x1 = -1;
      int y0 = Integer.MAX_VALUE;
      int y1 = -1;
      int z0 = Integer.MAX_VALUE;
      int z1 = -1;
      int n = 0;
      byte[] el = st.eligible;
      double[] vals = st.values;
      int[] lev = st.levels;
      for (int z = kz0; z <= kz1; z++) {
        for (int y = ky0; y <= ky1; y++) {
          int row = st.bx * (y + st.by * z);
          boolean any = false;
          for (int x = kx0; x <= kx1; x++) {
            int b = row + x;
            if (el[b] != 0) {
              win.boxIndex[n] = b;
              win.boxX[n] = x;
              win.boxY[n] = y;
              win.boxZ[n] = z;
              win.values[n] = vals[b];
              if (lev != null) {
                win.levels[n] = lev[b];
              }
              n++;
              if (x < x0) {
                x0 = x;
              }
              if (x > x1) {
                x1 = x;
              }
              any = true;
            }
          }
          if (any) {
            if (y < y0) {
              y0 = y;
            }
            if (y > y1) {
              y1 = y;
            }
            if (z < z0) {
              z0 = z;
            }
            z1 = z;
          }
        }
      }
      win.n = n;
      win.x0 = x0;
      win.x1 = x1;
      win.y0 = y0;
      win.y1 = y1;
      win.z0 = z0;
      win.z1 = z1;
      if (lev != null) {
        win.ng = st.ng;
      } else {
        win.ng = localBinning.levels(win.values, n, win.levels);
        int[] bl = win.boxLevels;
        for (int i = 0; i < n; i++) {
          bl[win.boxIndex[i]] = win.levels[i];
        }
      }
    }

    void computeAll() {
      for (int c = 0; c < workers.length; c++) {
        workers[c].compute(w, out, offsets[c]);
      }
    }
  }

  /** Builder of a feature-map computation. */
  public static final class Builder {
    private final Volume volume;
    private final Mask mask;
    private RadiomicsSettings settings = RadiomicsSettings.defaults();
    private KernelShape shape = KernelShape.CUBE_3D;
    private Integer radiusVoxels;
    private Double radiusMm;
    private MapDiscretization discretization = MapDiscretization.WHOLE_ROI_ONCE;
    private Map<String, List<String>> features;
    private List<WindowCalculator> calculators;
    private ExecutorService executor;
    private int threads = 1;
    private int chunkSize = 256;
    private Progress progress = Progress.NONE;

    private Builder(Volume volume, Mask mask) {
      this.volume = volume;
      this.mask = mask;
    }

    /** Settings: binning, kernelRadius, maskedKernel, distances, force2D, enabled features. */
    public Builder settings(RadiomicsSettings s) {
      settings = s;
      return this;
    }

    public Builder kernel(KernelShape s) {
      shape = s;
      return this;
    }

    /** Kernel half-width in voxels (overrides {@code settings.kernelRadius()}). */
    public Builder radiusVoxels(int r) {
      radiusVoxels = r;
      radiusMm = null;
      return this;
    }

    /** Kernel half-width in mm, converted per axis: r_d = floor(r_mm / spacing_d). */
    public Builder radiusMm(double r) {
      radiusMm = r;
      radiusVoxels = null;
      return this;
    }

    public Builder discretization(MapDiscretization d) {
      discretization = d;
      return this;
    }

    /**
     * Feature selection: family name (firstorder, glcm, glrlm, glszm, gldm, ngtdm; "shape" gives
     * the 3D shape of each window, as the ITHscore package does) → feature names (empty = all), in
     * output order. Default: the map families enabled in the settings (never shape).
     */
    public Builder features(Map<String, List<String>> f) {
      features = new LinkedHashMap<>(f);
      return this;
    }

    /** Extra calculators computed before the named families (tests, custom features). */
    Builder calculators(List<WindowCalculator> c) {
      calculators = List.copyOf(c);
      return this;
    }

    /** Executor supplied by the caller (not shut down); overrides {@link #threads(int)}. */
    public Builder executor(ExecutorService e) {
      executor = e;
      return this;
    }

    /** Number of threads of an engine-owned pool (default 1). */
    public Builder threads(int n) {
      threads = n;
      return this;
    }

    /** ROI voxels per work unit (default 256); does not change any value. */
    public Builder chunkSize(int n) {
      chunkSize = n;
      return this;
    }

    public Builder progress(Progress p) {
      progress = p;
      return this;
    }

    public FeatureMapEngine build() {
      return new FeatureMapEngine(this);
    }
  }
}
