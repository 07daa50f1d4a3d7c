package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.LUT;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.habitat.FeatureStandardizer;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.habitat.VoxelFeatures;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.ith.Connectivity;
import org.habitatj.core.ith.IthScore;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.maps.KernelShape;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.ij.CommandBridge;
import org.habitatj.ij.CommandParameter;
import org.habitatj.io.MedicalImageReader;
import org.habitatj.ui.HabitatOverlay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Habitat Map" through the bridge's macro path (headless) on the bundled STS_008 case (T1 MR,
 * 77 × 79 × 28, 0.9766 × 0.9766 × 3.27 mm, 8862 tumour voxels), against an independent assembly
 * of the core pieces (FeatureMapEngine → VoxelFeatures → IthPipeline) with the same settings.
 */
class HabitatMapCommandTest {

  static final Path IMAGE = Path.of("test-images", "STS_008", "MR_T1_image.nii.gz");
  static final Path MASK = Path.of("test-images", "STS_008", "MR_T1_mask.nii.gz");
  static final String INPUTS = "image_file=[" + IMAGE + "] mask_source=[mask file] mask_file=["
      + MASK + "]";

  static Volume image;
  static Mask tumour;
  /** z of the largest-area slice, found here by a plain loop (first maximum). */
  static int zLargest;
  static int areaLargest;

  @BeforeAll
  static synchronized void load() throws Exception {
    if (image != null) {
      return; // loaded already (the montage test shares these)
    }
    image = MedicalImageReader.read(IMAGE).volume();
    double[] m = MedicalImageReader.read(MASK).volume().toDoubleArray();
    byte[] b = new byte[m.length];
    for (int i = 0; i < m.length; i++) {
      b[i] = (byte) (m[i] != 0 ? 1 : 0);
    }
    tumour = new Mask(b, image.geometry());
    int[] s = image.geometry().size();
    int nxy = s[0] * s[1];
    zLargest = -1;
    for (int z = 0; z < s[2]; z++) {
      int a = 0;
      for (int i = 0; i < nxy; i++) {
        a += b[z * nxy + i];
      }
      if (a > areaLargest) {
        areaLargest = a;
        zLargest = z;
      }
    }
  }

  /** The tumour's voxels on slice z only. */
  static Mask sliceOnly(int z) {
    int[] s = image.geometry().size();
    int nxy = s[0] * s[1];
    byte[] d = new byte[tumour.data().length];
    System.arraycopy(tumour.data(), z * nxy, d, z * nxy, nxy);
    return new Mask(d, image.geometry());
  }

  /**
   * The independent path: maps of the six families (5×5 windows not restricted to the ROI, grey
   * levels per window, bin width 25, PyRadiomics defaults otherwise: the ITHscore package's
   * windows) over the ROI, per-voxel features without the features not finite everywhere, then
   * IthPipeline with min–max, K-means options and 8-/26-connectivity.
   */
  static IthPipeline.Result reference(Mask roi, HabitatClustering.Options clustering,
      Connectivity c, List<VoxelFeatures> featuresOut) {
    Map<String, List<String>> fam = new LinkedHashMap<>();
    for (String f : List.of("firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm")) {
      fam.put(f, List.of());
    }
    FeatureMaps maps = FeatureMapEngine.builder(image, roi)
        .settings(RadiomicsSettings.builder().binWidth(25).maskedKernel(false).build())
        .kernel(KernelShape.SQUARE_2D).radiusVoxels(2)
        .discretization(org.habitatj.core.maps.MapDiscretization.PER_WINDOW).features(fam)
        .threads(2).build().run();
    VoxelFeatures all = VoxelFeatures.of(maps, roi);
    List<String> names = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    for (int f = 0; f < all.featureCount(); f++) {
      boolean finite = true;
      for (double v : all.columns()[f]) {
        finite &= Double.isFinite(v);
      }
      if (finite) {
        names.add(all.names()[f]);
        cols.add(all.columns()[f]);
      }
    }
    VoxelFeatures vf = new VoxelFeatures(roi.geometry(), all.voxels(),
        names.toArray(new String[0]), cols.toArray(new double[0][]));
    featuresOut.add(vf);
    IthPipeline.Options o = new IthPipeline.Options(FeatureStandardizer.Method.MIN_MAX,
        clustering, IthScore.Options.of(c));
    return IthPipeline.run(vf, null, o, Progress.NONE);
  }

  static int[] labels(ImagePlus imp) {
    int w = imp.getWidth();
    int h = imp.getHeight();
    int[] out = new int[w * h * imp.getStackSize()];
    for (int z = 0; z < imp.getStackSize(); z++) {
      byte[] px = (byte[]) imp.getStack().getPixels(z + 1);
      for (int i = 0; i < px.length; i++) {
        out[z * w * h + i] = px[i] & 0xff;
      }
    }
    return out;
  }

  @Test
  void largestSliceK6MatchesTheCorePipelineAndTheTableAddsUp() {
    Map<String, Object> out = CommandBridge.runWithOptions(HabitatMapCommand.class, INPUTS);
    ImagePlus map = (ImagePlus) out.get("habitatMap");
    Geometry g = image.geometry();
    assertEquals(8, map.getBitDepth());
    assertEquals(28, map.getStackSize());
    assertEquals(g.spacing(0), map.getCalibration().pixelWidth, 1e-9);
    assertEquals(g.spacing(2), map.getCalibration().pixelDepth, 1e-9);
    assertEquals("mm", map.getCalibration().getUnit());
    int[] l = labels(map);
    int nxy = g.size(0) * g.size(1);
    int onSlice = 0;
    int[] perLabel = new int[256];
    for (int i = 0; i < l.length; i++) {
      if (l[i] != 0) {
        assertEquals(zLargest, i / nxy, "label outside the largest slice at voxel " + i);
        assertTrue(tumour.contains(i), "label outside the tumour at voxel " + i);
        onSlice++;
        perLabel[l[i]]++;
      }
    }
    assertEquals(areaLargest, onSlice);
    for (int k = 1; k <= 6; k++) {
      assertTrue(perLabel[k] > 0, "habitat " + k + " empty");
    }
    for (int k = 7; k < 256; k++) {
      assertEquals(0, perLabel[k]);
    }
    // LUT: 0 black, habitat h = PALETTE[h - 1]
    LUT lut = map.getProcessor().getLut();
    assertEquals(0, lut.getRGB(0) & 0xffffff);
    for (int h = 1; h <= 6; h++) {
      assertEquals(HabitatOverlay.PALETTE[h - 1], lut.getRGB(h) & 0xffffff);
    }

    List<VoxelFeatures> vf = new ArrayList<>();
    IthPipeline.Result ref = reference(sliceOnly(zLargest),
        HabitatClustering.Options.DEFAULT.withK(6).withSeed(0).withRestarts(10),
        Connectivity.EIGHT, vf);
    assertArrayEquals(ref.tumourMap().labelsAsInt(), l);
    assertEquals(ref.tumourIth().score(), (Double) out.get("ithScore"), 0);
    // and in the Results table for macros: getResult("ith_score", 0)
    ResultsTable rt = (ResultsTable) out.get("results");
    assertEquals(ref.tumourIth().score(), rt.getValue("ith_score", 0), 1e-12);

    ResultsTable t = (ResultsTable) out.get("habitats");
    assertEquals(6, t.size());
    double voxels = 0;
    double fractions = 0;
    double voxelVolume = g.spacing(0) * g.spacing(1) * g.spacing(2);
    String meanCol = "mean_original_firstorder_Mean";
    int meanIdx = List.of(vf.get(0).names()).indexOf("original_firstorder_Mean");
    for (int r = 0; r < 6; r++) {
      int h = (int) t.getValue("habitat", r);
      assertEquals(r + 1, h);
      assertEquals(perLabel[h], (int) t.getValue("voxels", r));
      assertEquals(perLabel[h] * voxelVolume, t.getValue("volume_mm3", r), 1e-9);
      voxels += t.getValue("voxels", r);
      fractions += t.getValue("fraction", r);
      assertTrue(t.getValue("regions", r) >= 1);
      assertTrue(t.getValue("largest_region", r) <= perLabel[h]);
      // the mean of the (unstandardised) map value over the habitat's voxels
      double sum = 0;
      for (int v = 0; v < vf.get(0).voxelCount(); v++) {
        if (l[vf.get(0).voxels()[v]] == h) {
          sum += vf.get(0).columns()[meanIdx][v];
        }
      }
      assertEquals(sum / perLabel[h], t.getValue(meanCol, r), 1e-9 * Math.abs(sum / perLabel[h]));
    }
    assertEquals(areaLargest, voxels, 0);
    assertEquals(1.0, fractions, 1e-12);
    assertNull(out.get("kSelectionCurve"));
    ImagePlus ov = (ImagePlus) out.get("overlay");
    assertEquals(24, ov.getBitDepth());
    assertEquals(1, ov.getStackSize());
    // enlarged for display by ceil(256 / longest side), nearest neighbour, calibration scaled
    int f = (256 + Math.max(g.size(0), g.size(1)) - 1) / Math.max(g.size(0), g.size(1));
    assertEquals(g.size(0) * f, ov.getWidth());
    assertEquals(g.size(1) * f, ov.getHeight());
    assertEquals(g.spacing(0) / f, ov.getCalibration().pixelWidth, 1e-12);
    assertEquals(g.spacing(1) / f, ov.getCalibration().pixelHeight, 1e-12);
    assertEquals(g.spacing(2), ov.getCalibration().pixelDepth, 1e-12);
    // the colour key (ImageJ overlay): a strip, then swatch and number per habitat 1..6
    assertEquals(1 + 2 * 6, ov.getOverlay().size());
    assertEquals(HabitatOverlay.PALETTE[5], ov.getOverlay().get(11).getFillColor().getRGB() & 0xffffff);
  }

  @Test
  void calinskiHarabaszReturnsTheArgmaxOfItsCurve() {
    Map<String, Object> out = CommandBridge.runWithOptions(HabitatMapCommand.class, INPUTS
        + " k_selection=calinski-harabasz k_min=3 k_max=7 seed=3");
    ResultsTable c = (ResultsTable) out.get("kSelectionCurve");
    assertNotNull(c);
    ImagePlus kPlot = (ImagePlus) out.get("kSelectionPlot");
    assertNotNull(kPlot);
    assertTrue(kPlot.getHeight() > 100);
    assertEquals(5, c.size());
    int best = 0;
    for (int r = 0; r < c.size(); r++) {
      assertEquals(3 + r, (int) c.getValue("K", r));
      if (c.getValue("calinski_harabasz", r) > c.getValue("calinski_harabasz", best)) {
        best = r;
      }
    }
    int k = (int) c.getValue("K", best);
    assertEquals(1, (int) c.getValue("chosen", best));
    ResultsTable t = (ResultsTable) out.get("habitats");
    assertEquals(k, t.size());
    // the curve's value at the chosen K is the Calinski–Harabasz index of the returned map,
    // recomputed from the min–max-standardised features of the independent path
    List<VoxelFeatures> vf = new ArrayList<>();
    IthPipeline.Result ref = reference(sliceOnly(zLargest), HabitatClustering.Options.DEFAULT
        .withSeed(3).withSelection(HabitatClustering.KSelection.CALINSKI_HARABASZ, 3, 7),
        Connectivity.EIGHT, vf);
    int[] l = labels((ImagePlus) out.get("habitatMap"));
    assertArrayEquals(ref.tumourMap().labelsAsInt(), l);
    VoxelFeatures f = vf.get(0);
    double[][] rows = FeatureStandardizer.transpose(FeatureStandardizer.standardize(f.columns(),
        FeatureStandardizer.Method.MIN_MAX, f.names()));
    int[] y = new int[f.voxelCount()];
    for (int v = 0; v < y.length; v++) {
      y[v] = l[f.voxels()[v]];
    }
    assertEquals(HabitatClustering.calinskiHarabasz(rows, y, k),
        c.getValue("calinski_harabasz", best), 1e-9 * c.getValue("calinski_harabasz", best));
  }

  @Test
  void silhouetteReturnsTheArgmaxOfItsCurve() {
    Map<String, Object> out = CommandBridge.runWithOptions(HabitatMapCommand.class, INPUTS
        + " k_selection=silhouette k_min=2 k_max=5");
    ResultsTable c = (ResultsTable) out.get("kSelectionCurve");
    assertEquals(4, c.size());
    int best = 0;
    for (int r = 1; r < c.size(); r++) {
      if (c.getValue("silhouette", r) > c.getValue("silhouette", best)) {
        best = r;
      }
    }
    for (int r = 0; r < c.size(); r++) {
      assertEquals(r == best ? 1 : 0, (int) c.getValue("chosen", r));
      double v = c.getValue("silhouette", r);
      assertTrue(v > -1 && v <= 1, "silhouette " + v);
    }
    assertEquals((int) c.getValue("K", best), ((ResultsTable) out.get("habitats")).size());
  }

  @Test
  void allSlicesLabelsEveryTumourVoxel() {
    Map<String, Object> out = CommandBridge.runWithOptions(HabitatMapCommand.class, INPUTS
        + " slices=[all slices (3D)] clusters=4 standardization=zscore restarts=3");
    int[] l = labels((ImagePlus) out.get("habitatMap"));
    int n = 0;
    for (int i = 0; i < l.length; i++) {
      assertEquals(tumour.contains(i), l[i] != 0, "voxel " + i);
      assertTrue(l[i] <= 4);
      n += l[i] != 0 ? 1 : 0;
    }
    assertEquals(8862, n);
    ResultsTable t = (ResultsTable) out.get("habitats");
    double sum = 0;
    for (int r = 0; r < t.size(); r++) {
      sum += t.getValue("voxels", r);
    }
    assertEquals(8862, sum, 0);
    assertEquals(28, ((ImagePlus) out.get("overlay")).getStackSize());
  }

  @Test
  void everyKeyIsRecordedAndTheRecordedLineReproducesTheRun() {
    List<CommandParameter> params = CommandBridge.parameters(HabitatMapCommand.class);
    Map<String, String> values = CommandBridge.resolve(params, INPUTS + " clusters=4 seed=7");
    assertEquals(List.of("image", "image_file", "mask_source", "mask_file", "mask_image", "label", "resample_mask",
        "slices", "kernel_radius", "map_families", "bin_width", "standardization", "seed",
        "restarts", "clusters", "k_selection", "k_min", "k_max"), List.copyOf(values.keySet()));
    String recorded = CommandBridge.recordedOptions(values);
    for (String key : values.keySet()) {
      assertTrue(recorded.contains(key + "="), key + " not recorded: " + recorded);
    }
    Map<String, Object> a = CommandBridge.runWithOptions(HabitatMapCommand.class, recorded);
    Map<String, Object> b = CommandBridge.runWithOptions(HabitatMapCommand.class,
        INPUTS + " clusters=4 seed=7");
    assertArrayEquals(labels((ImagePlus) b.get("habitatMap")),
        labels((ImagePlus) a.get("habitatMap")));
    assertEquals(4, ((ResultsTable) a.get("habitats")).size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CommandBridge.runWithOptions(HabitatMapCommand.class, INPUTS + " habitats=4"));
    assertTrue(e.getMessage().contains("unknown macro key(s) habitats"), e.getMessage());
  }
}
