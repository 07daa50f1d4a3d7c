package org.habitatj.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.io.SaveDialog;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import java.util.Locale;
import org.habitatj.core.image.Volume;
import org.habitatj.io.ImageFormatException;
import org.habitatj.io.NiftiWriter;
import org.habitatj.io.NrrdWriter;
import org.habitatj.io.VoxelType;

/**
 * ImageJ 1.x saver: File › Save As › "Save NIfTI/NRRD (HabitatJ)..." writes the current image (a mask,
 * a feature map, an image) as {@code .nii}, {@code .nii.gz} or {@code .nrrd} with its geometry
 * (calibration in mm plus the {@value ImagePlusVolumes#GEOMETRY_PROPERTY} direction), voxel order
 * unchanged, so it re-opens on the same voxels (case C14).
 *
 * <p>An 8-bit image holding only 0 and 255 (ImageJ's binary mask convention) is saved as a 0/1
 * label mask (label 1), which PyRadiomics and most tools expect (case C01).
 *
 * <p>Stored type: 8-bit → uint8, 16-bit with ImageJ's signed calibration → int16, other 16-bit →
 * uint16, 32-bit → float32 (NaN kept); 8/16-bit images with another calibration function are saved
 * as float32 calibrated values. Existing files are not overwritten from a macro; the dialog asks.
 *
 * <p>Macro: {@code run("Save NIfTI/NRRD (HabitatJ)...", "save=/path/mask.nii.gz");} (the menu
 * labels of opener and saver must differ: ImageJ keys commands by label).
 */
public class MedicalVolumeSaver implements PlugIn {

  @Override
  public void run(String arg) {
    CommandBridge.clearError();
    ImagePlus imp = WindowManager.getCurrentImage();
    if (imp == null) {
      if (CommandBridge.noDialogs()) {
        CommandBridge.reportError("Save NIfTI/NRRD (HabitatJ)", "no image is open");
      } else {
        IJ.noImage();
      }
      return;
    }
    String path = arg;
    if (path == null || path.isEmpty()) {
      SaveDialog sd = new SaveDialog("Save as NIfTI/NRRD (HabitatJ)", imp.getTitle()
          .replaceAll("\\.(nii|nii\\.gz|nrrd|tif)$", ""), ".nii.gz");
      if (sd.getFileName() == null) {
        return;
      }
      path = sd.getDirectory() + sd.getFileName();
    }
    try {
      // the interactive dialog already asked about overwriting
      save(imp, Path.of(path), arg == null || arg.isEmpty());
      IJ.showStatus("saved " + path);
    } catch (ImageFormatException | RuntimeException e) {
      CommandBridge.reportError("Save NIfTI/NRRD (HabitatJ)",
          MedicalVolumeOpener.message(e, path));
    }
  }

  /**
   * Writes an image with its geometry; the format follows the extension ({@code .nrrd} or
   * {@code .nii}/{@code .nii.gz}).
   *
   * @throws ImageFormatException naming the file (exists and overwrite false, cannot write,
   *     unknown extension)
   * @throws IllegalArgumentException for multi-channel/frame or RGB images
   */
  public static void save(ImagePlus imp, Path path, boolean overwrite)
      throws ImageFormatException {
    Volume v = ImagePlusVolumes.wrap(imp, 0, 0, ImagePlusVolumes.UnitPolicy.ASSUME_MM);
    boolean calibrated = imp.getBitDepth() != 32 && imp.getCalibration().calibrated();
    boolean signed16 = imp.getBitDepth() == 16 && imp.getCalibration().isSigned16Bit();
    VoxelType t;
    if (signed16) {
      t = VoxelType.INT16;
    } else if (calibrated || imp.getBitDepth() == 32) {
      t = VoxelType.FLOAT32;
    } else if (imp.getBitDepth() == 8) {
      t = VoxelType.UINT8;
    } else {
      t = VoxelType.UINT16;
    }
    if (signed16) {
      double[] c = imp.getCalibration().getCoefficients();
      if (c == null || c[0] != -32768 || c[1] != 1) {
        t = VoxelType.FLOAT32;
      }
    }
    if (t == VoxelType.UINT8 && !calibrated && isBinary255(imp)) {
      v = binaryTo01(imp, v);
    }
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".nrrd")) {
      NrrdWriter.write(v, t, path, overwrite);
    } else if (n.endsWith(".nii") || n.endsWith(".nii.gz")) {
      NiftiWriter.write(v, t, path, overwrite);
    } else {
      throw new ImageFormatException(path, "use the extension .nii, .nii.gz or .nrrd");
    }
  }

  private static boolean isBinary255(ImagePlus imp) {
    boolean any = false;
    for (int i = 1; i <= imp.getStackSize(); i++) {
      byte[] px = (byte[]) imp.getStack().getPixels(i);
      for (byte b : px) {
        if (b != 0 && b != (byte) 255) {
          return false;
        }
        any |= b != 0;
      }
    }
    return any;
  }

  private static Volume binaryTo01(ImagePlus imp, Volume v) {
    byte[] d = new byte[Math.toIntExact(v.geometry().voxelCount())];
    int wh = imp.getWidth() * imp.getHeight();
    for (int i = 1; i <= imp.getStackSize(); i++) {
      byte[] px = (byte[]) imp.getStack().getPixels(i);
      for (int j = 0; j < wh; j++) {
        d[(i - 1) * wh + j] = px[j] != 0 ? (byte) 1 : 0;
      }
    }
    int[] s = v.geometry().size();
    return new Volume(net.imglib2.img.array.ArrayImgs.unsignedBytes(d, s[0], s[1], s[2]),
        v.geometry());
  }
}
