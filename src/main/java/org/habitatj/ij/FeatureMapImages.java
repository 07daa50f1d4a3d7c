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
   * Bytes of the hyperstack {@link #toHyperstack} builds: 4 per voxel of the maps' grid and map.
   */
  public static long hyperstackBytes(FeatureMaps maps) {
    return hyperstackBytes(maps.count(), maps.geometry().voxelCount());
  }

  /** Bytes of a hyperstack of {@code nMaps} float maps of {@code voxels} voxels each. */
  public static long hyperstackBytes(int nMaps, long voxels) {
    return 4L * nMaps * voxels;
  }

  /**
   * A calibrated 32-bit hyperstack (channels = features). Each plane is filled straight from the
   * values at the ROI voxels (ImageJ needs one array per plane), so no full-grid copy of the maps
   * is built or kept: the hyperstack's {@link #hyperstackBytes} is the memory needed.
   *
   * @param title image title
   */
  public static ImagePlus toHyperstack(FeatureMaps maps, String title) {
    Geometry g = maps.geometry();
    int w = g.size(0);
    int h = g.size(1);
    int nz = g.size(2);
    int nc = maps.count();
    int plane = w * h;
    float[][][] px = new float[nz][nc][];
    for (int z = 0; z < nz; z++) {
      for (int c = 0; c < nc; c++) {
        px[z][c] = new float[plane];
        java.util.Arrays.fill(px[z][c], Float.NaN);
      }
    }
    int[] vox = maps.roiVoxels();
    for (int c = 0; c < nc; c++) {
      if (vox != null) {
        float[] v = maps.roiValues(c);
        for (int k = 0; k < vox.length; k++) {
          px[vox[k] / plane][c][vox[k] % plane] = v[k];
        }
      } else {
        float[] m = maps.map(c);
        for (int z = 0; z < nz; z++) {
          System.arraycopy(m, z * plane, px[z][c], 0, plane);
        }
      }
    }
    ImageStack st = new ImageStack(w, h);
    for (int z = 0; z < nz; z++) {
      for (int c = 0; c < nc; c++) {
        st.addSlice(maps.features().get(c).pyradiomicsName(), new FloatProcessor(w, h, px[z][c]));
        px[z][c] = null;
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

  /**
   * Refuses maps whose hyperstack would not fit in the JVM's free memory, before they are computed:
   * {@code nMaps} float maps on the image grid, or on the ROI's bounding box when {@code crop}, plus
   * one full map more (written one at a time), plus the engine's values at the ROI voxels (4 bytes
   * per voxel and map, kept until the hyperstack is built), plus a quarter for the rest.
   *
   * @param grid the image grid
   * @param roiBox the ROI's inclusive bounding box {x0, y0, z0, x1, y1, z1} (null if empty)
   * @param roiVoxels number of ROI voxels
   * @param radius the kernel radius (x, y, z) in voxels, by which {@link
   *     FeatureMaps#croppedToRoiBox()} widens the box
   * @param cropOption how the user asks for the bounding box (named in the message)
   * @throws IllegalArgumentException with the sizes, the memory needed and free (MB), and what to
   *     change
   */
  public static void requireMemory(int nMaps, Geometry grid, int[] roiBox, long roiVoxels,
      int[] radius, boolean crop, String cropOption) {
    int[] s = grid.size();
    int[] box = new int[3];
    for (int a = 0; roiBox != null && a < 3; a++) {
      box[a] = Math.min(s[a] - 1, roiBox[a + 3] + radius[a])
          - Math.max(0, roiBox[a] - radius[a]) + 1;
    }
    long boxVoxels = (long) box[0] * box[1] * box[2];
    long roi = hyperstackBytes(nMaps, roiVoxels);
    long need = (hyperstackBytes(nMaps + 1, crop ? boxVoxels : grid.voxelCount()) + roi) * 5 / 4;
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (need <= free) {
      return;
    }
    int[] shown = crop ? box : s;
    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
        "%d feature maps on the %s (%dx%dx%d voxels) need about %d MB, but only %d MB of memory"
            + " are free (Edit > Options > Memory & Threads sets the maximum). %s",
        nMaps, crop ? "ROI bounding box" : "image grid", shown[0], shown[1], shown[2],
        need >> 20, free >> 20,
        crop ? "Choose fewer features."
            : "Choose " + cropOption + " (about "
                + ((hyperstackBytes(nMaps + 1, boxVoxels) + roi) * 5 / 4 >> 20)
                + " MB) or fewer features."));
  }

  /**
   * Writes a hyperstack made by {@link #toHyperstack} as one TIFF (ImageJ keeps the calibration
   * and the channel labels).
   *
   * @throws ImageFormatException naming the file when it exists (and {@code overwrite} is false)
   *     or cannot be written
   */
  public static void saveTiff(ImagePlus hyperstack, Path p, boolean overwrite)
      throws ImageFormatException {
    if (Files.exists(p) && !overwrite) {
      throw new ImageFormatException(p, "file exists, not overwritten");
    }
    if (!new FileSaver(hyperstack).saveAsTiff(p.toString())) {
      throw new ImageFormatException(p, "cannot write the TIFF");
    }
  }

  /**
   * The files {@link #save} writes: NIfTI/NRRD {@code <prefix>_<pyradiomicsName>.nii.gz|.nrrd}
   * per feature, TIFF one {@code <prefix>_maps.tif}.
   */
  public static List<Path> outputFiles(List<org.habitatj.core.features.FeatureInfo> features,
      Path dir, String prefix, Format format) {
    List<Path> files = new ArrayList<>();
    if (format == Format.TIFF) {
      files.add(dir.resolve(prefix + "_maps.tif"));
      return files;
    }
    for (var f : features) {
      files.add(dir.resolve(prefix + "_" + f.pyradiomicsName()
          + (format == Format.NIFTI ? ".nii.gz" : ".nrrd")));
    }
    return files;
  }

  /**
   * Refuses output files before anything is computed or written: the folder must not be a file
   * and none of the files may exist (nothing is overwritten).
   *
   * @throws ImageFormatException naming the folder that is a file, or the first existing file
   */
  public static void requireNew(List<Path> files) throws ImageFormatException {
    for (Path p : files) {
      Path dir = p.getParent();
      if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new ImageFormatException(dir, "the output folder is a file, not a folder");
      }
      if (Files.exists(p)) {
        throw new ImageFormatException(p, "file exists; not overwritten (choose another output"
            + " folder, or move the earlier maps)");
      }
    }
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
    List<Path> files = outputFiles(maps.features(), dir, prefix, format);
    if (!overwrite) {
      requireNew(files);
    }
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new ImageFormatException(dir, "cannot create folder: " + e.getMessage(), e);
    }
    if (format == Format.TIFF) {
      Path p = files.get(0);
      saveTiff(toHyperstack(maps, prefix + "_maps"), p, overwrite);
      out.add(p);
      return out;
    }
    for (int c = 0; c < maps.count(); c++) {
      Path p = files.get(c);
      Volume v = Volume.ofFloats(maps.newGridArray(c), maps.geometry()); // one map at a time
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
