package org.habitatj.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import java.awt.Color;
import java.util.Locale;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.pipeline.HabitatDemo;
import org.habitatj.ij.IjProgress;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.RoiMasks;
import org.habitatj.ui.HabitatOverlay;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Teaching demo, offline: a synthetic tumour with three known habitats ({@link HabitatDemo}) shown
 * step by step: the image with tumour (yellow) and 3-mm ring (cyan) outlines, the feature maps (one
 * slice per feature; Image › Stacks › Make Montage for a montage), the habitat maps for K = kMin..kMax
 * (one slice per K, labelled with its ITH scores), and a table of K, ITH score, combined ITH score
 * and agreement with the true habitats (adjusted Rand index).
 */
@Plugin(type = Command.class, headless = true, label = "Habitat Demo")
public class HabitatDemoCommand implements Command {

  @Parameter(label = "Random seed", description = "noise of the phantom and K-means seed")
  private long seed = 0;

  @Parameter(label = "Smallest K", min = "2", max = "20")
  private int kMin = 3;

  @Parameter(label = "Largest K", min = "2", max = "20")
  private int kMax = 9;

  @Parameter(type = ItemIO.OUTPUT, label = "Demo tumour")
  private ImagePlus image;

  @Parameter(type = ItemIO.OUTPUT, label = "Demo feature maps")
  private ImagePlus maps;

  @Parameter(type = ItemIO.OUTPUT, label = "Demo habitats")
  private ImagePlus habitats;

  /** Named {@code results} so the bridge makes it ImageJ's Results table (macro getResult). */
  @Parameter(type = ItemIO.OUTPUT, label = "Demo ITH scores")
  private ResultsTable results;

  @Override
  public void run() {
    HabitatDemo.Result r = HabitatDemo.run(seed, kMin, kMax, IjProgress.create("Habitat Demo"));
    Geometry g = r.phantom().image().geometry();
    double[] values = r.phantom().image().toDoubleArray();
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    image = ImageInputs.toImagePlus(f, g, "Demo tumour");
    Overlay ov = new Overlay();
    addOutlines(ov, RoiMasks.toRois(r.phantom().tumour(), null), Color.YELLOW);
    addOutlines(ov, RoiMasks.toRois(r.pipeline().ring().mask(), null), Color.CYAN);
    image.setOverlay(ov);

    FeatureMaps fm = r.pipeline().maps();
    ImageStack ms = new ImageStack(g.size(0), g.size(1));
    for (int i = 0; i < fm.features().size(); i++) {
      ms.addSlice(fm.features().get(i).pyradiomicsName(),
          new ij.process.FloatProcessor(g.size(0), g.size(1), fm.map(i).clone()));
    }
    maps = new ImagePlus("Demo feature maps", ms);
    maps.getCalibration().setUnit("mm");
    maps.getCalibration().pixelWidth = g.spacing(0);
    maps.getCalibration().pixelHeight = g.spacing(1);

    ImageStack hs = new ImageStack(g.size(0), g.size(1));
    results = new ResultsTable();
    for (HabitatDemo.Step s : r.steps()) {
      String label = String.format(Locale.ROOT, "K=%d ITH=%.3f combined=%.3f ARI=%.2f", s.k(),
          s.ithScore(), s.combinedIthScore(), s.adjustedRandIndex());
      hs.addSlice(label, HabitatOverlay.render(values, s.habitats().tumourMap().labelsAsInt(),
          r.pipeline().ring().mask(), g, 0, 0, label).getProcessor());
      results.incrementCounter();
      results.addValue("K", s.k());
      results.addValue("ith_score", s.ithScore());
      results.addValue("combined_ith_score", s.combinedIthScore());
      results.addValue("adjusted_rand_index", s.adjustedRandIndex());
    }
    habitats = new ImagePlus("Demo habitats K=" + kMin + ".." + kMax, hs);
  }

  private static void addOutlines(Overlay ov, Roi[] rois, Color c) {
    for (Roi roi : rois) {
      roi.setStrokeColor(c);
      ov.add(roi);
    }
  }
}
