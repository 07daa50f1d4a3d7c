package org.habitatj.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.features.FeatureExtractor;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.io.MedicalImageReader;

/**
 * Whole-ROI extraction of all default families (shape, firstorder, glcm, glrlm, glszm, gldm,
 * ngtdm; 107 features) on PyRadiomics' brain1 (4137 ROI voxels), single thread. PyRadiomics takes
 * about 0.3 s for this on our machines (reference/whole_roi/timing.csv, includes loading).
 *
 * <p>Run: {@code mvn -q -o test-compile exec:java} is not configured; use {@code java -cp
 * target/classes:target/test-classes:$(cat cp.txt) org.habitatj.bench.WholeRoiExtractionBench}
 * after {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class WholeRoiExtractionBench {

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/pyradiomics");
    Volume img = MedicalImageReader.read(data.resolve("brain1_image.nrrd")).volume();
    Volume lab = MedicalImageReader.read(data.resolve("brain1_label.nrrd")).volume();
    Mask mask = Masks.fromLabelImage(lab, Masks.LabelChoice.label(1)).mask();
    FeatureExtractor ex = new FeatureExtractor(RadiomicsSettings.defaults());
    int warm = 20;
    for (int i = 0; i < warm; i++) {
      ex.extract(img, mask);
    }
    int reps = 30;
    double[] ms = new double[reps];
    double[] cpu = new double[reps];
    java.lang.management.ThreadMXBean tb = java.lang.management.ManagementFactory.getThreadMXBean();
    int n = 0;
    for (int i = 0; i < reps; i++) {
      long c0 = tb.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      n = ex.extract(img, mask).features().size();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (tb.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    System.out.printf("brain1 whole ROI, %d features, %d voxels: wall median %.1f ms (min %.1f, max %.1f);"
        + " thread CPU median %.1f ms (min %.1f); load average %.1f%n",
        n, mask.count(), ms[reps / 2], ms[0], ms[reps - 1], cpu[reps / 2], cpu[0],
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Path sts = data.resolve("../ibsi_sts_mr/nifti/STS_002");
    if (java.nio.file.Files.isDirectory(sts)) {
      Volume si = MedicalImageReader.read(sts.resolve("MR_T1_image.nii.gz")).volume();
      Mask sm = Masks.fromLabelImage(MedicalImageReader.read(sts.resolve("MR_T1_mask.nii.gz")).volume(),
          Masks.LabelChoice.label(1)).mask();
      for (int i = 0; i < 5; i++) {
        ex.extract(si, sm);
      }
      double[] t = new double[11];
      for (int i = 0; i < t.length; i++) {
        long c0 = tb.getCurrentThreadCpuTime();
        ex.extract(si, sm);
        t[i] = (tb.getCurrentThreadCpuTime() - c0) / 1e6;
      }
      Arrays.sort(t);
      System.out.printf("STS_002 whole ROI (%d voxels): thread CPU median %.1f ms%n", sm.count(), t[5]);
    }
    // per family
    for (String fam : List.of("shape", "firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm")) {
      Map<String, List<String>> fc = new LinkedHashMap<>();
      fc.put(fam, List.of());
      FeatureExtractor one = new FeatureExtractor(RadiomicsSettings.builder().enabledFeatures(fc).build());
      for (int i = 0; i < 5; i++) {
        one.extract(img, mask);
      }
      double[] t = new double[11];
      for (int i = 0; i < t.length; i++) {
        long t0 = tb.getCurrentThreadCpuTime();
        one.extract(img, mask);
        t[i] = (tb.getCurrentThreadCpuTime() - t0) / 1e6;
      }
      Arrays.sort(t);
      System.out.printf("  %-10s thread CPU median %.1f ms (includes crop and discretisation)%n", fam, t[5]);
    }
  }
}
