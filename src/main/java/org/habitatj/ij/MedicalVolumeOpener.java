package org.habitatj.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.io.OpenDialog;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import org.habitatj.io.ImageFormatException;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.MedicalImageReader;

/**
 * ImageJ 1.x opener for NIfTI-1 ({@code .nii}, {@code .nii.gz}, {@code .hdr}) and NRRD ({@code
 * .nrrd}, {@code .nhdr}) files: File › Import › "NIfTI/NRRD (HabitatJ)...".
 *
 * <p>The image opens with its voxel order unchanged (x = first file axis, y = second, slice =
 * third; so a NIfTI in RAS-style storage may look upside down compared with a radiology viewer:
 * this is deliberate, image and mask always share the index mapping, case C14), calibration in mm
 * (spacing and origin), and the full geometry in the image property {@value
 * ImagePlusVolumes#GEOMETRY_PROPERTY}. Integer data open as 8/16-bit (int16 with ImageJ's signed
 * calibration), everything else and scaled data as 32-bit holding the calibrated values.
 *
 * <p>Macro: {@code run("NIfTI/NRRD (HabitatJ)...", "open=/path/to/image.nii.gz");}. Drag and drop
 * in Fiji goes through Fiji's own HandleExtraFileTypes, which HabitatJ cannot extend; use File ›
 * Import.
 */
public class MedicalVolumeOpener implements PlugIn {

  @Override
  public void run(String arg) {
    CommandBridge.clearError();
    String path = arg;
    if (path == null || path.isEmpty()) {
      OpenDialog od = new OpenDialog("Open NIfTI/NRRD (HabitatJ)");
      if (od.getFileName() == null) {
        return; // canceled
      }
      path = od.getPath();
    }
    try {
      ImagePlus imp = open(Path.of(path));
      String notes = imp.getProp("habitatj.notes");
      if (notes != null && !notes.isEmpty()) {
        IJ.log(imp.getTitle() + ": " + notes);
      }
      imp.show();
    } catch (ImageFormatException | RuntimeException e) {
      // in a macro, batch or headless: logged and the macro aborted (or lastError set with
      // continueOnError), never a modal dialog that would hang ImageJ -batch
      CommandBridge.reportError("NIfTI/NRRD (HabitatJ)", message(e, path));
    }
  }

  /** The error message, naming the file when the exception's own message does not. */
  static String message(Exception e, String path) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    String name = path == null ? "" : Path.of(path).getFileName().toString();
    return name.isEmpty() || m.contains(name) ? m : path + ": " + m;
  }

  /**
   * Opens a NIfTI or NRRD file as a calibrated ImagePlus (headless-safe, does not show it).
   *
   * @throws ImageFormatException naming the file, for every read error
   */
  public static ImagePlus open(Path path) throws ImageFormatException {
    LoadedImage li = MedicalImageReader.read(path);
    ImagePlus imp = ImagePlusVolumes.toImagePlus(li, path.getFileName().toString());
    if (!li.notes().isEmpty()) {
      imp.setProp("habitatj.notes", String.join("; ", li.notes()));
    }
    imp.setProp("habitatj.source", path.toAbsolutePath().toString());
    return imp;
  }
}
