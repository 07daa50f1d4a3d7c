package org.habitatj.commands;

import ij.ImagePlus;
import java.io.File;
import org.habitatj.ui.NomogramDrawing;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Draws a nomogram model (default: the bundled ILLUSTRATIVE model) as an RGB image. */
@Plugin(type = Command.class, headless = true, label = "Draw Nomogram")
public class DrawNomogramCommand implements Command {
  @Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
  private String note = ApplyNomogramCommand.NOTE;

  @Parameter(label = "Model file", required = false,
      description = "JSON model from Train Model; empty = bundled illustrative model", persist = false)
  private File modelFile;

  @Parameter(label = "Width (pixels)", min = "500", persist = false)
  private int width = 1000;

  @Parameter(type = ItemIO.OUTPUT, label = "Nomogram")
  private ImagePlus nomogram;

  @Override
  public void run() {
    nomogram = NomogramDrawing.draw(ApplyNomogramCommand.model(modelFile), width);
  }
}
