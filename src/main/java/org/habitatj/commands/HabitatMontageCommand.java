package org.habitatj.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.pipeline.HabitatMapRun;
import org.habitatj.ij.IjProgress;
import org.habitatj.ij.Tables;
import org.habitatj.ui.HabitatFigures;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Habitat Montage: the habitats of one tumour for every K in [K min, K max] (default 3…9), each
 * with the same maps, seed and restarts, side by side for choosing K by eye. One RGB image: one
 * panel per K (the tumour's largest-area slice, cropped around the tumour and magnified, habitats
 * over the image), captioned "K = n  ITH = s"; plus a table of K, ITH score and WCSS. Built without
 * windows, so it works headless. All maths in {@link HabitatMapRun#kSweep}.
 */
@Plugin(type = Command.class, headless = true, label = "Habitat Montage (K = 3-9)")
public class HabitatMontageCommand extends HabitatCommandInputs {

  @Parameter(label = "K min", min = "2", max = "20")
  private int kMin = 3;

  @Parameter(label = "K max", min = "2", max = "20")
  private int kMax = 9;

  @Parameter(type = ItemIO.OUTPUT, label = "Habitat montage")
  private ImagePlus montage;

  @Parameter(type = ItemIO.OUTPUT, label = "Habitat montage scores")
  private ResultsTable montageScores;

  @Override
  public void run() {
    if (kMax < kMin) {
      throw new IllegalArgumentException("K max = " + kMax + " is smaller than K min = " + kMin);
    }
    List<String> notes = new ArrayList<>();
    Volume img = volume(notes);
    Mask tumour = mask(img, notes);
    CasePipeline.Settings s = settings(HabitatClustering.Options.DEFAULT);
    CasePipeline.HabitatInputs in = HabitatMapRun.prepare(img, tumour, s, notes,
        IjProgress.create("Habitat Montage"));
    List<HabitatMapRun.Result> runs = HabitatMapRun.kSweep(in, s.habitats(), kMin, kMax, notes,
        IjProgress.create("Habitat Montage"));
    List<int[]> maps = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    List<Map<String, String>> rows = new ArrayList<>();
    for (HabitatMapRun.Result r : runs) {
      maps.add(r.map().labelsAsInt());
      captions.add(String.format(Locale.ROOT, "K = %d  ITH = %.3f", r.map().k(), r.ithScore()));
      Map<String, String> t = new LinkedHashMap<>();
      t.put("K", String.valueOf(r.map().k()));
      t.put("ith_score", String.valueOf(r.ithScore()));
      t.put("wcss", String.valueOf(r.clustering().wcss()));
      rows.add(t);
    }
    int z = in.slice() >= 0 ? in.slice() : IthPipeline.largestAreaSlice(tumour);
    montage = HabitatFigures.montage(img.toDoubleArray(), maps, captions, img.geometry(), z,
        title() + " habitats K=" + kMin + ".." + kMax);
    montageScores = Tables.of(rows);
    notes.forEach(n -> ij.IJ.log("Habitat Montage: " + n));
  }
}
