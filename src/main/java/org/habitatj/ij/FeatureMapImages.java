package org.habitatj.ij;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Volume;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.io.ImageFormatException;
import org.habitatj.io.NiftiWriter;
import org.habitatj.io.NrrdWriter;
import org.habitatj.io.VoxelType;

/**
 * Feature maps as ImageJ images and files.
 *
 * <ul>
 *   <li>{@link #toHyperstack}: a calibrated 32-bit hyperstack, one channel per feature (c, z, t =
 *       features, slices, 1), every stack slice labelled with its feature's PyRadiomics name, the
 *       source geometry (spacing, origin, direction) kept through {@link
 *       ImagePlusVolumes#setGeometry}; NaN outside the ROI.
 *   <li>{@link #asImg}: the maps as one ImgLib2 view (x, y, z, feature) over the maps' own arrays,
 *       no copy.
 *   <li>{@link #save}: one NIfTI (.nii.gz) or NRRD (.nrrd) file per feature with the source
 *       geometry (float32), or one multi-channel TIFF.
 * </ul>
 */
public final class FeatureMapImages {

  /** Image property holding the map description (kernel, discretisation). */
  public static final String DESCRIPTION_PROPERTY = "habitatj.maps";

  private FeatureMapImages() {}

  /** An ImgLib2 view (x, y, z, feature) over the map arrays, without copying. */
  public static RandomAccessibleInterval<FloatType> asImg(FeatureMaps maps) {
    int[] s = maps.geometry().size();
    List<RandomAccessibleInterval<FloatType>> l = new ArrayList<>();
    for (float[] m : maps.maps()) {
      l.add(ArrayImgs.floats(m, s[0], s[1], s[2]));
    }
    return Views.stack(l);
  }

  /**
   * A calibrated 32-bit hyperstack (channels = features). The pixel arrays are copied per slice
   * (ImageJ needs one array per plane).
   *
   * @param title image title
   */
  public static ImagePlus toHyperstack(FeatureMaps maps, String title) {
    Geometry g = maps.geometry();
    int w = g.size(0);
    int h = g.size(1);
    int nz = g.size(2);
    int nc = maps.count();
    ImageStack st = new ImageStack(w, h);
    for (int z = 0; z < nz; z++) {
      for (int c = 0; c < nc; c++) {
        float[] px = new float[w * h];
        System.arraycopy(maps.map(c), z * w * h, px, 0, w * h);
        st.addSlice(maps.features().get(c).pyradiomicsName(), new FloatProcessor(w, h, px));
      }
    }
    ImagePlus imp = new ImagePlus(title, st);
    imp.setDimensions(nc, nz, 1);
    imp.setOpenAsHyperStack(true);
    ImagePlusVolumes.setGeometry(imp, g);
    imp.setProp(DESCRIPTION_PROPERTY, maps.description());
    imp.setProperty("Info", info(maps));
    ImagePlus out = nc > 1 ? new CompositeImage(imp, IJ.GRAYSCALE) : imp;
    if (nc > 1) {
      out.setProp(DESCRIPTION_PROPERTY, maps.description());
      out.setProperty("Info", info(maps));
    }
    for (int c = 1; c <= nc; c++) {
      out.setPosition(c, Math.max(1, (nz + 1) / 2), 1);
      out.resetDisplayRange();
    }
    out.setPosition(1, Math.max(1, (nz + 1) / 2), 1);
    return out;
  }

  private static String info(FeatureMaps maps) {
    StringBuilder sb = new StringBuilder("HabitatJ feature maps\n");
    sb.append(maps.description()).append('\n');
    for (int c = 0; c < maps.features().size(); c++) {
      sb.append("channel ").append(c + 1).append(": ")
          .append(maps.features().get(c).pyradiomicsName()).append('\n');
    }
    return sb.toString();
  }

  /** File formats of {@link #save}. */
  public enum Format {
    NIFTI,
    NRRD,
    TIFF
  }

  /**
   * Writes the maps to {@code dir}: NIfTI/NRRD one file per feature named {@code
   * <prefix>_<pyradiomicsName>.nii.gz|.nrrd} (float32, source geometry); TIFF one hyperstack {@code
   * <prefix>_maps.tif}.
   *
   * @param overwrite whether existing files may be replaced (inputs are never overwritten: pass a
   *     new folder or prefix)
   * @return the written files
   * @throws ImageFormatException naming the file when writing fails or it exists
   */
  public static List<Path> save(FeatureMaps maps, Path dir, String prefix, Format format,
      boolean overwrite) throws ImageFormatException {
    List<Path> out = new ArrayList<>();
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new ImageFormatException(dir, "cannot create folder: " + e.getMessage(), e);
    }
    if (format == Format.TIFF) {
      Path p = dir.resolve(prefix + "_maps.tif");
      if (Files.exists(p) && !overwrite) {
        throw new ImageFormatException(p, "file exists, not overwritten");
      }
      ImagePlus imp = toHyperstack(maps, prefix + "_maps");
      if (!new FileSaver(imp).saveAsTiff(p.toString())) {
        throw new ImageFormatException(p, "cannot write the TIFF");
      }
      out.add(p);
      return out;
    }
    for (int c = 0; c < maps.count(); c++) {
      String name = prefix + "_" + maps.features().get(c).pyradiomicsName()
          + (format == Format.NIFTI ? ".nii.gz" : ".nrrd");
      Path p = dir.resolve(name);
      Volume v = Volume.ofFloats(maps.map(c), maps.geometry());
      if (format == Format.NIFTI) {
        NiftiWriter.write(v, VoxelType.FLOAT32, p, overwrite);
      } else {
        NrrdWriter.write(v, VoxelType.FLOAT32, p, overwrite);
      }
      out.add(p);
    }
    return out;
  }
}
