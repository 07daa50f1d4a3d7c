package org.habitatj.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.HabitatMap;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.pipeline.HabitatMapRun;
import org.habitatj.ij.IjProgress;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.Tables;
import org.habitatj.ui.HabitatFigures;
import org.habitatj.ui.HabitatOverlay;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Habitat Map: feature maps of the tumour → standardisation → seeded K-means (K fixed, or chosen by
 * Calinski–Harabasz or silhouette over a range) → habitat label image (8-bit, distinct-colour LUT,
 * 0 outside), RGB overlay on the image (enlarged to ≥ 256 px, calibration scaled; colour key as an
 * ImageJ overlay), per-habitat table and, when K is selected, the criterion
 * curve as a table and a plot. All maths in {@link HabitatMapRun}.
 */
@Plugin(type = Command.class, headless = true, label = "Habitat Map")
public class HabitatMapCommand extends HabitatCommandInputs {

  @Parameter(label = "Clusters K", min = "2", max = "20", description = "used when K is fixed")
  private int clusters = 6;

  @Parameter(label = "K selection", choices = {"fixed", "calinski-harabasz", "silhouette"},
      description = "fixed K, or the K of the range with the best index")
  private String kSelection = "fixed";

  @Parameter(label = "K min", min = "2", max = "20")
  private int kMin = 3;

  @Parameter(label = "K max", min = "2", max = "20")
  private int kMax = 9;

  @Parameter(type = ItemIO.OUTPUT, label = "Habitat map")
  private ImagePlus habitatMap;

  @Parameter(type = ItemIO.OUTPUT, label = "Habitat overlay")
  private ImagePlus overlay;

  @Parameter(type = ItemIO.OUTPUT, label = "Habitats")
  private ResultsTable habitats;

  @Parameter(type = ItemIO.OUTPUT, label = "K selection curve")
  private ResultsTable kSelectionCurve;

  @Parameter(type = ItemIO.OUTPUT, label = "K selection plot")
  private ImagePlus kSelectionPlot;

  @Parameter(type = ItemIO.OUTPUT, label = "ITH score")
  private Double ithScore;

  /** Named {@code results}: ImageJ's Results table, one row (K, ith_score) for macros. */
  @Parameter(type = ItemIO.OUTPUT, label = "Results")
  private ResultsTable results;

  @Override
  public void run() {
    List<String> notes = new ArrayList<>();
    Volume img = volume(notes);
    Mask tumour = mask(img, notes);
    HabitatClustering.KSelection sel = HabitatClustering.KSelection.byName(kSelection);
    CasePipeline.Settings s = settings(HabitatClustering.Options.DEFAULT.withK(clusters)
        .withSelection(sel, kMin, kMax));
    HabitatMapRun.Result r = HabitatMapRun.run(img, tumour, s, IjProgress.create("Habitat Map"));
    notes.addAll(r.notes());
    Geometry g = img.geometry();
    HabitatMap map = r.map();
    String name = title();
    habitatMap = ImageInputs.labelsToImagePlus(map.labelsAsInt(), g, name + " habitats K="
        + map.k());
    habitatMap.getProcessor().setLut(HabitatFigures.habitatLut());
    habitatMap.getStack().setColorModel(habitatMap.getProcessor().getColorModel());
    habitatMap.setDisplayRange(0, 255);
    int z0 = r.inputs().slice() < 0 ? 0 : r.inputs().slice();
    int z1 = r.inputs().slice() < 0 ? g.size(2) - 1 : r.inputs().slice();
    overlay = HabitatOverlay.render(img.toDoubleArray(), map.labelsAsInt(), null, g, z0, z1,
        name + " habitat overlay");
    ImageInputs.calibrate(overlay, g.subGrid(0, 0, z0, new int[] {g.size(0), g.size(1), z1 - z0 + 1}));
    // small tumour crops (e.g. 77 x 79) are enlarged, nearest neighbour, calibration scaled
    overlay = HabitatFigures.enlargeForDisplay(overlay, HabitatFigures.MIN_SIDE);
    overlay.setOverlay(HabitatFigures.keyOverlay(map.k(), overlay.getWidth(), overlay.getHeight()));
    String[] features = r.inputs().tumourFeatures().names();
    List<Map<String, String>> rows = new ArrayList<>();
    for (HabitatMap.HabitatStats h : r.table()) {
      Map<String, String> t = new LinkedHashMap<>();
      t.put("habitat", String.valueOf(h.habitat()));
      t.put("voxels", String.valueOf(h.voxels()));
      t.put("volume_mm3", String.valueOf(h.volumeMm3()));
      t.put("fraction", String.valueOf(h.fraction()));
      t.put("regions", String.valueOf(h.regions()));
      t.put("largest_region", String.valueOf(h.largestRegion()));
      for (int f = 0; f < features.length; f++) {
        t.put("mean_" + features[f], String.valueOf(h.featureMeans()[f]));
      }
      rows.add(t);
    }
    habitats = Tables.of(rows);
    ithScore = r.ithScore();
    Map<String, String> row = new LinkedHashMap<>();
    row.put("K", String.valueOf(map.k()));
    row.put("ith_score", String.valueOf(ithScore));
    results = Tables.of(List.of(row));
    HabitatClustering.Result c = r.clustering();
    if (sel != HabitatClustering.KSelection.FIXED) {
      String criterion = sel == HabitatClustering.KSelection.SILHOUETTE ? "silhouette"
          : "calinski_harabasz";
      List<Map<String, String>> curve = new ArrayList<>();
      for (int i = 0; i < c.curveK().length; i++) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("K", String.valueOf(c.curveK()[i]));
        t.put(criterion, String.valueOf(c.curve()[i]));
        t.put("chosen", c.curveK()[i] == c.k() ? "1" : "0");
        curve.add(t);
      }
      kSelectionCurve = Tables.of(curve);
      kSelectionPlot = HabitatFigures.kCurvePlot(c.curveK(), c.curve(), c.k(), criterion,
          name, name + " K selection (" + criterion + ")");
    }
    notes.forEach(n -> ij.IJ.log("Habitat Map: " + n));
  }
}
