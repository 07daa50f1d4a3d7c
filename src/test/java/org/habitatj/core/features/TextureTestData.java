package org.habitatj.core.features;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.NiftiReader;
import org.habitatj.io.NrrdReader;

/**
 * Test helpers for the shared reference data: a .npy reader, volumes through the production
 * NRRD/NIfTI readers, PyRadiomics baseline CSVs, and an independent, test-side PyRadiomics-style
 * fixed-bin-width discretisation (whole-image z-score normalisation, sigma re-segmentation) that
 * builds the {@link DiscretizedRoi} without going through the production Discretizer, so that the
 * texture tests check the families on their own (the production path is covered by the
 * FeatureExtractor reference tests).
 */
final class TextureTestData {

  static final Path SHARED = Path.of("..", "shared");
  static final Path PYRAD = SHARED.resolve("data/pyradiomics");
  static final Path BASELINE = PYRAD.resolve("baseline");

  private TextureTestData() {}

  /** A NumPy array: shape and float64 data in C order. */
  record Npy(int[] shape, double[] data) {}

  static Npy readNpy(Path p) throws IOException {
    byte[] b = Files.readAllBytes(p);
    if (b[0] != (byte) 0x93 || b[1] != 'N') {
      throw new IOException("not a .npy file: " + p);
    }
    int major = b[6];
    int hlen;
    int start;
    if (major == 1) {
      hlen = (b[8] & 0xff) | ((b[9] & 0xff) << 8);
      start = 10;
    } else {
      hlen = ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      start = 12;
    }
    String header = new String(b, start, hlen, StandardCharsets.ISO_8859_1);
    boolean fortran = header.contains("'fortran_order': True");
    if (!header.contains("'<f8'")) {
      throw new IOException("unsupported npy header " + header);
    }
    String sh = header.substring(header.indexOf("'shape': (") + 10);
    sh = sh.substring(0, sh.indexOf(')'));
    int[] shape =
        Arrays.stream(sh.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .mapToInt(Integer::parseInt).toArray();
    int n = 1;
    for (int s : shape) {
      n *= s;
    }
    double[] d = new double[n];
    ByteBuffer bb = ByteBuffer.wrap(b, start + hlen, n * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      d[i] = bb.getDouble();
    }
    if (fortran) {
      // Fortran order (first index fastest) -> C order (last index fastest)
      double[] c = new double[n];
      int[] idx = new int[shape.length];
      for (int f = 0; f < n; f++) {
        int ci = 0;
        for (int k = 0; k < shape.length; k++) {
          ci = ci * shape[k] + idx[k];
        }
        c[ci] = d[f];
        for (int k = 0; k < shape.length; k++) {
          if (++idx[k] < shape[k]) {
            break;
          }
          idx[k] = 0;
        }
      }
      d = c;
    }
    return new Npy(shape, d);
  }

  /** A volume: size (x, y, z), spacing (x, y, z), values x-fastest. */
  record Vol(int[] size, double[] spacing, double[] data) {}

  /** Reads an NRRD with the production {@link NrrdReader}. */
  static Vol readNrrd(Path p) throws IOException {
    return toVol(NrrdReader.read(p));
  }

  /** Reads a NIfTI with the production {@link NiftiReader}. */
  static Vol readNifti(Path p) throws IOException {
    return toVol(NiftiReader.read(p));
  }

  private static Vol toVol(LoadedImage li) {
    return new Vol(li.geometry().size(), li.geometry().spacing(), li.volume().toDoubleArray());
  }

  /** Preprocessing options of a baseline column (only what the texture tests need). */
  record Prep(double binWidth, boolean normalize, double normalizeScale, double[] sigmaReseg) {
    static Prep defaults() {
      return new Prep(25, false, 1, null);
    }
  }

  /**
   * Discretises image within mask==label like PyRadiomics: optional whole-image z-score
   * normalisation (sample std, × scale), optional sigma re-segmentation (mean ± kσ over the ROI,
   * population σ), fixed bin width with edges lowBound + k·w, lowBound = min − (min mod w),
   * numpy.digitize semantics; cropped to the ROI bounding box; ng = highest level.
   */
  static DiscretizedRoi discretize(Vol img, Vol mask, int label, Prep prep) {
    int n = img.data().length;
    double[] v = img.data().clone();
    if (prep.normalize()) {
      double m = 0;
      for (double x : v) {
        m += x;
      }
      m /= n;
      double ss = 0;
      for (double x : v) {
        ss += (x - m) * (x - m);
      }
      double sd = Math.sqrt(ss / (n - 1));
      for (int i = 0; i < n; i++) {
        v[i] = (v[i] - m) / sd * prep.normalizeScale();
      }
    }
    boolean[] in = new boolean[n];
    for (int i = 0; i < n; i++) {
      in[i] = mask.data()[i] == label;
    }
    if (prep.sigmaReseg() != null) {
      double m = 0;
      int c = 0;
      for (int i = 0; i < n; i++) {
        if (in[i]) {
          m += v[i];
          c++;
        }
      }
      m /= c;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        if (in[i]) {
          ss += (v[i] - m) * (v[i] - m);
        }
      }
      double sd = Math.sqrt(ss / c);
      double lo = m + prep.sigmaReseg()[0] * sd;
      double hi = m + prep.sigmaReseg()[1] * sd;
      for (int i = 0; i < n; i++) {
        if (in[i] && (v[i] < lo || v[i] > hi)) {
          in[i] = false;
        }
      }
    }
    int[] size = img.size();
    int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    int[] hi = {-1, -1, -1};
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int z = 0, i = 0; z < size[2]; z++) {
      for (int y = 0; y < size[1]; y++) {
        for (int x = 0; x < size[0]; x++, i++) {
          if (in[i]) {
            int[] c = {x, y, z};
            for (int d = 0; d < 3; d++) {
              lo[d] = Math.min(lo[d], c[d]);
              hi[d] = Math.max(hi[d], c[d]);
            }
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
          }
        }
      }
    }
    double w = prep.binWidth();
    double low = min - floorMod(min, w);
    List<Double> edges = new ArrayList<>();
    double high = max + 2 * w;
    int nEdges = (int) Math.ceil((high - low) / w);
    for (int k = 0; k < nEdges; k++) {
      edges.add(low + k * w);
    }
    double[] e = edges.stream().mapToDouble(Double::doubleValue).toArray();
    if (e.length == 1) {
      e = new double[] {e[0] - 0.5, e[0] + 0.5};
    }
    int[] bs = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
    int[] levels = new int[bs[0] * bs[1] * bs[2]];
    int ng = 0;
    for (int z = 0, j = 0; z < bs[2]; z++) {
      for (int y = 0; y < bs[1]; y++) {
        for (int x = 0; x < bs[0]; x++, j++) {
          int i = (x + lo[0]) + size[0] * ((y + lo[1]) + size[1] * (z + lo[2]));
          if (in[i]) {
            int l = digitize(v[i], e);
            levels[j] = l;
            ng = Math.max(ng, l);
          }
        }
      }
    }
    return new DiscretizedRoi(bs, levels, ng, img.spacing().clone());
  }

  /** Python's float modulo (result has the sign of the divisor). */
  private static double floorMod(double a, double w) {
    double r = a % w;
    if (r != 0 && (r < 0) != (w < 0)) {
      r += w;
    }
    return r;
  }

  /** numpy.digitize(x, edges) for increasing edges: number of edges ≤ x. */
  private static int digitize(double x, double[] e) {
    int lo = 0;
    int hi = e.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (e[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static DiscretizedRoi pyradiomicsCase(String name, Prep prep) throws IOException {
    Vol img = readNrrd(PYRAD.resolve(name + "_image.nrrd"));
    Vol mask = readNrrd(PYRAD.resolve(name + "_label.nrrd"));
    return discretize(img, mask, 1, prep);
  }

  /** Baseline CSV: feature name → (column → value string). */
  static Map<String, Map<String, String>> readBaseline(Path csv) throws IOException {
    Map<String, Map<String, String>> out = new HashMap<>();
    try (var r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      var fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      var parser = fmt.parse(r);
      List<String> cols = parser.getHeaderNames();
      for (CSVRecord rec : parser) {
        Map<String, String> m = new HashMap<>();
        for (int c = 1; c < cols.size(); c++) {
          m.put(cols.get(c), rec.get(c));
        }
        out.put(rec.get(0), m);
      }
    }
    return out;
  }

  /** whole_roi CSV (feature,value) → map. */
  static Map<String, String> readFeatureValue(Path csv) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (var r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      var fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord rec : fmt.parse(r)) {
        out.put(rec.get(0), rec.get(1));
      }
    }
    return out;
  }

  static double relDiff(double ours, double ref) {
    if (ours == ref) {
      return 0;
    }
    return Math.abs(ours - ref) / Math.max(Math.abs(ref), 1e-300);
  }
}
