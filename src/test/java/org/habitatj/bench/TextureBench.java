package org.habitatj.bench;

import java.nio.file.Files;
import org.habitatj.core.features.DiscretizedRoi;
import org.habitatj.core.features.FeatureFamily;
import org.habitatj.core.features.TextureBenchSupport;
import org.habitatj.core.features.TextureFamilies;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Benchmark (run manually, not a test): the five texture families (GLCM, GLRLM, GLSZM, GLDM,
 * NGTDM; matrices + all 75 features) on PyRadiomics' brain1 (4137 ROI voxels, binWidth 25, Ng 33,
 * 3D). PyRadiomics needs about 0.3 s for all default families on our machines.
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.habitatj.bench.TextureBench
 * </pre>
 */
public final class TextureBench {
  public static void main(String[] args) throws Exception {
    if (!Files.isDirectory(TextureBenchSupport.SHARED)) {
      System.out.println("../shared absent");
      return;
    }
    DiscretizedRoi roi = TextureBenchSupport.brain1();
    RadiomicsSettings s = RadiomicsSettings.defaults();
    FeatureFamily[] fams =
        TextureFamilies.NAMES.stream().map(TextureFamilies::byName).toArray(FeatureFamily[]::new);
    double sink = 0;
    for (int i = 0; i < 200; i++) { // warm-up
      for (FeatureFamily f : fams) {
        sink += f.compute(roi, s)[0];
      }
    }
    int reps = 300;
    long[] perFamily = new long[fams.length];
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      for (int k = 0; k < fams.length; k++) {
        long a = System.nanoTime();
        sink += fams[k].compute(roi, s)[0];
        perFamily[k] += System.nanoTime() - a;
      }
    }
    double ms = (System.nanoTime() - t0) / 1e6 / reps;
    double cpuMs = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / reps;
    for (int k = 0; k < fams.length; k++) {
      System.out.printf("%-6s %.3f ms%n", fams[k].name(), perFamily[k] / 1e6 / reps);
    }
    System.out.printf(
        "brain1 (4137 voxels, Ng %d): all five texture families %.3f ms wall, %.3f ms CPU per ROI"
            + " (PyRadiomics ~300 ms for all default families: %.0fx wall)  [sink %.3g]%n",
        roi.ng(), ms, cpuMs, 300 / ms, sink);
  }
}
