package org.habitatj.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.habitatj.core.habitat.FeatureStandardizer;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.HabitatMap;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.habitat.VoxelFeatures;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.PeritumoralRing;
import org.habitatj.core.image.Volume;
import org.habitatj.core.ith.CombinedIthScore;
import org.habitatj.core.ith.IthScore;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.progress.Progress;

/**
 * Speed of the whole chain (issue 5, "Speed", goal &lt; 2 s on 2 cores) on a real 3D tumour in full
 * 3D mode: ring → feature maps → K-means → ITH and combined ITH scores, with {@link
 * CasePipeline.Settings#defaults()} except {@code largestSliceOnly = false} and 2 threads (3-mm
 * ring per slice, 3×3 in-plane windows, first order + GLCM maps over tumour ∪ ring, min–max, K = 6
 * with 20 restarts and seed 0, 8-connectivity with 1-pixel regions dropped, applied in 3D as
 * {@link IthPipeline} does for a multi-slice map).
 *
 * <p>The stages are run with the same public calls as {@link CasePipeline#run} (which also
 * computes the whole-ROI features; not part of this chain), each timed:
 *
 * <ul>
 *   <li>ring: {@link PeritumoralRing#compute};
 *   <li>maps: {@link FeatureMapEngine} over tumour ∪ ring + extraction of the voxel features
 *       (features non-finite anywhere dropped, as CasePipeline does);
 *   <li>clustering: min–max + K-means for the tumour alone and for tumour ∪ ring;
 *   <li>scores: ITH of the tumour map, combined and ring-only scores of the joint map.
 * </ul>
 *
 * Prints medians of {@code reps} runs after {@code warm} warm-up runs, plus the process CPU time.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.habitatj.bench.ChainBench [case] [warm] [reps] [threads]} (default STS_002, 17,090 voxels).
 */
public final class ChainBench {

  private ChainBench() {}

  public static void main(String[] args) throws Exception {
    String id = args.length > 0 ? args[0] : "STS_002";
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Path dir = ReproducibilityStudy.DATA.resolve(id);
    if (!Files.isDirectory(dir)) {
      System.out.println("../shared not present");
      return;
    }
    Object[] im = ReproducibilityStudy.load(dir);
    Volume img = (Volume) im[0];
    Mask tumour = (Mask) im[1];
    CasePipeline.Settings d = CasePipeline.Settings.defaults();
    CasePipeline.Settings s = new CasePipeline.Settings(d.radiomics(), d.ringMm(), d.ringMode(),
        false, d.kernel(), d.kernelRadius(), d.maskedKernel(), d.mapDiscretization(),
        d.mapFamilies(), new org.habitatj.core.habitat.IthPipeline.Options(
            d.habitats().standardization(), d.habitats().clustering(),
            org.habitatj.core.ith.IthScore.Options.of(
                org.habitatj.core.ith.Connectivity.TWENTY_SIX)), threads);
    long[][] t = new long[5][reps];
    long[][] pc = new long[4][reps];
    long[] cpu = new long[reps];
    double ith = 0;
    double comb = 0;
    int ringVox = 0;
    int nf = 0;
    for (int it = -warm; it < reps; it++) {
      long c0 = IthBench.cpu();
      long a = System.nanoTime();
      PeritumoralRing.Result ring = PeritumoralRing.builder().distanceMm(s.ringMm())
          .mode(s.ringMode()).build().compute(tumour);
      long b = System.nanoTime();
      long c1 = IthBench.cpu();
      byte[] u = tumour.data().clone();
      byte[] rd = ring.mask().data();
      for (int i = 0; i < u.length; i++) {
        u[i] |= rd[i];
      }
      Map<String, List<String>> fam = new LinkedHashMap<>();
      for (String f : s.mapFamilies()) {
        fam.put(f, List.of());
      }
      FeatureMaps maps = FeatureMapEngine.builder(img, new Mask(u, tumour.geometry()))
          .settings(s.radiomics()).kernel(s.kernel()).radiusVoxels(s.kernelRadius())
          .features(fam).threads(threads).build().run();
      VoxelFeatures[] vf = finite(VoxelFeatures.of(maps, tumour), VoxelFeatures.of(maps,
          ring.mask()));
      long c = System.nanoTime();
      long c2 = IthBench.cpu();
      IthPipeline.Options o = s.habitats();
      HabitatClustering.Result kt = cluster(vf[0], o);
      VoxelFeatures union = vf[0].concat(vf[1]);
      HabitatClustering.Result kj = cluster(union, o);
      long e = System.nanoTime();
      long c3 = IthBench.cpu();
      HabitatMap tm = HabitatMap.of(tumour.geometry(), vf[0].voxels(), kt.labels(), kt.k());
      IthScore.Result ti = IthPipeline.score(tm, o.ith());
      HabitatMap jm = HabitatMap.of(tumour.geometry(), union.voxels(), kj.labels(), kj.k());
      CombinedIthScore.Result cr = combined(jm, rd, o.ith());
      long f = System.nanoTime();
      ith = ti.score();
      comb = cr.combined().score();
      ringVox = ring.voxels();
      nf = vf[0].featureCount();
      if (it >= 0) {
        t[0][it] = b - a;
        t[1][it] = c - b;
        t[2][it] = e - c;
        t[3][it] = f - e;
        t[4][it] = f - a;
        cpu[it] = IthBench.cpu() - c0;
        pc[0][it] = c1 - c0;
        pc[1][it] = c2 - c1;
        pc[2][it] = c3 - c2;
        pc[3][it] = cpu[it] - (c3 - c0);
      }
    }
    System.out.printf(Locale.ROOT, "%s full 3D: tumour %d voxels, ring %d voxels (%s), %d map "
        + "features kept, %d threads; median of %d runs after %d warm-up%n", id, tumour.count(),
        ringVox, s.ringMode(), nf, threads, reps, warm);
    System.out.printf(Locale.ROOT, "  ring %.1f ms | maps %.1f ms | clustering (tumour + joint) "
        + "%.1f ms | scores %.1f ms | total %.1f ms (process CPU %.1f ms); ITH %.4f, combined "
        + "%.4f%n", IthBench.median(t[0]), IthBench.median(t[1]), IthBench.median(t[2]),
        IthBench.median(t[3]), IthBench.median(t[4]), IthBench.median(cpu), ith, comb);
    System.out.printf(Locale.ROOT, "  process CPU per stage: ring %.0f ms | maps %.0f ms | "
        + "clustering %.0f ms | scores %.0f ms%n", IthBench.median(pc[0]), IthBench.median(pc[1]),
        IthBench.median(pc[2]), IthBench.median(pc[3]));
    System.out.println("  load average " + IthBench.load());
    if (System.getProperty("probe") != null) {
      PeritumoralRing.Result ring = PeritumoralRing.builder().distanceMm(s.ringMm())
          .mode(s.ringMode()).build().compute(tumour);
      byte[] u = tumour.data().clone();
      for (int i = 0; i < u.length; i++) {
        u[i] |= ring.mask().data()[i];
      }
      Map<String, List<String>> fam = new LinkedHashMap<>();
      for (String f : s.mapFamilies()) {
        fam.put(f, List.of());
      }
      FeatureMaps maps = FeatureMapEngine.builder(img, new Mask(u, tumour.geometry()))
          .settings(s.radiomics()).kernel(s.kernel()).radiusVoxels(s.kernelRadius())
          .features(fam).threads(threads).build().run();
      VoxelFeatures[] vf = finite(VoxelFeatures.of(maps, tumour), VoxelFeatures.of(maps,
          ring.mask()));
      for (VoxelFeatures v : new VoxelFeatures[] {vf[0], vf[0].concat(vf[1])}) {
        double[][] rows = FeatureStandardizer.transpose(FeatureStandardizer.standardize(
            v.columns(), s.habitats().standardization(), v.names()));
        org.habitatj.core.habitat.HabitatClustering.cluster(rows, s.habitats().clustering(),
            org.habitatj.core.progress.Progress.NONE);
      }
    }
    // cross-check with the pipeline itself (also computes whole-ROI features)
    long a = System.nanoTime();
    CasePipeline.Result r = CasePipeline.run(img, tumour, s, CasePipeline.Clinical.NONE,
        Progress.NONE);
    System.out.printf(Locale.ROOT, "  CasePipeline.run (incl. whole-ROI features): %.1f ms; ITH "
        + "%.4f, combined %.4f%n", (System.nanoTime() - a) / 1e6, r.ithScore(),
        r.combinedIthScore());
  }

  /** Combined scores on the bounding box of the joint map (as IthPipeline does). */
  static CombinedIthScore.Result combined(HabitatMap jm, byte[] ring, IthScore.Options o) {
    byte[] l = jm.labels();
    byte[] m = new byte[l.length];
    for (int i = 0; i < l.length; i++) {
      m[i] = (byte) (l[i] != 0 ? 1 : 0);
    }
    org.habitatj.core.image.Geometry g = jm.geometry();
    int[] bb = new Mask(m, g).boundingBox();
    int cx = bb[3] - bb[0] + 1;
    int cy = bb[4] - bb[1] + 1;
    int cz = bb[5] - bb[2] + 1;
    int[] all = jm.labelsAsInt();
    int[] lab = new int[cx * cy * cz];
    byte[] rg = new byte[cx * cy * cz];
    for (int z = 0; z < cz; z++) {
      for (int y = 0; y < cy; y++) {
        int from = g.index(bb[0], bb[1] + y, bb[2] + z);
        System.arraycopy(all, from, lab, (z * cy + y) * cx, cx);
        System.arraycopy(ring, from, rg, (z * cy + y) * cx, cx);
      }
    }
    return CombinedIthScore.compute(lab, rg, cx, cy, cz, o);
  }

  private static HabitatClustering.Result cluster(VoxelFeatures f, IthPipeline.Options o) {
    double[][] rows = FeatureStandardizer.transpose(FeatureStandardizer.standardize(f.columns(),
        o.standardization(), f.names()));
    return HabitatClustering.cluster(rows, o.clustering(), Progress.NONE);
  }

  /** Drops the features that are not finite at some tumour or ring voxel (as CasePipeline). */
  static VoxelFeatures[] finite(VoxelFeatures t, VoxelFeatures r) {
    List<Integer> keep = new ArrayList<>();
    for (int f = 0; f < t.featureCount(); f++) {
      boolean ok = true;
      for (double v : t.columns()[f]) {
        ok &= Double.isFinite(v);
      }
      for (double v : r.columns()[f]) {
        ok &= Double.isFinite(v);
      }
      if (ok) {
        keep.add(f);
      }
    }
    String[] n = new String[keep.size()];
    double[][] tc = new double[keep.size()][];
    double[][] rc = new double[keep.size()][];
    for (int i = 0; i < n.length; i++) {
      n[i] = t.names()[keep.get(i)];
      tc[i] = t.columns()[keep.get(i)];
      rc[i] = r.columns()[keep.get(i)];
    }
    return new VoxelFeatures[] {new VoxelFeatures(t.geometry(), t.voxels(), n, tc),
        new VoxelFeatures(r.geometry(), r.voxels(), n, rc)};
  }
}
