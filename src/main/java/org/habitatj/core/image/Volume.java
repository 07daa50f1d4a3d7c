package org.habitatj.core.image;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * A calibrated 3D image volume: an ImgLib2 view of <b>calibrated</b> intensities (ImageJ
 * calibration function, DICOM rescale slope/intercept or NIfTI scl_slope/scl_inter already
 * applied, 16-bit signed data as signed values) plus its {@link Geometry}.
 *
 * <p>The view has three dimensions in (x, y, z) order with min (0, 0, 0) and the size of the
 * geometry. It normally wraps the pixel arrays of an ImagePlus without copying (see {@code
 * org.habitatj.ij.ImagePlusVolumes}); intensity units are whatever the image's value unit is
 * (MR signal intensity units, HU for CT).
 */
public final class Volume {

  private final RandomAccessibleInterval<? extends RealType<?>> values;
  private final Geometry geometry;

  /**
   * @param values calibrated intensities, 3 dimensions (x, y, z), min 0, same size as {@code
   *     geometry}
   * @param geometry the voxel grid
   * @throws IllegalArgumentException if the view's dimensions do not match the geometry
   */
  public Volume(RandomAccessibleInterval<? extends RealType<?>> values, Geometry geometry) {
    if (values.numDimensions() != 3) {
      throw new IllegalArgumentException(
          "a Volume needs a 3D view (x, y, z), got " + values.numDimensions() + " dimensions");
    }
    for (int d = 0; d < 3; d++) {
      if (values.min(d) != 0 || values.dimension(d) != geometry.size(d)) {
        throw new IllegalArgumentException(
            "view interval does not match the geometry along axis "
                + d
                + ": view min "
                + values.min(d)
                + " size "
                + values.dimension(d)
                + ", geometry size "
                + geometry.size(d));
      }
    }
    this.values = values;
    this.geometry = geometry;
  }

  /** Wraps a double array (x fastest, length = voxel count) without copying. */
  public static Volume ofDoubles(double[] data, Geometry geometry) {
    checkLength(data.length, geometry);
    int[] s = geometry.size();
    return new Volume(ArrayImgs.doubles(data, s[0], s[1], s[2]), geometry);
  }

  /** Wraps a float array (x fastest, length = voxel count) without copying. */
  public static Volume ofFloats(float[] data, Geometry geometry) {
    checkLength(data.length, geometry);
    int[] s = geometry.size();
    return new Volume(ArrayImgs.floats(data, s[0], s[1], s[2]), geometry);
  }

  private static void checkLength(int length, Geometry geometry) {
    if (length != geometry.voxelCount()) {
      throw new IllegalArgumentException(
          "array has " + length + " values but the geometry has " + geometry.voxelCount()
              + " voxels (" + geometry.describe() + ")");
    }
  }

  /** The calibrated intensity view, (x, y, z). */
  public RandomAccessibleInterval<? extends RealType<?>> values() {
    return values;
  }

  public Geometry geometry() {
    return geometry;
  }

  /**
   * Copies all calibrated intensities into a new array, x fastest then y then z (index {@link
   * Geometry#index(int, int, int)}). Core algorithms call this once and then work on the array.
   */
  public double[] toDoubleArray() {
    double[] out = new double[Math.toIntExact(geometry.voxelCount())];
    Cursor<? extends RealType<?>> c = Views.flatIterable(values).cursor();
    int i = 0;
    while (c.hasNext()) {
      out[i++] = c.next().getRealDouble();
    }
    return out;
  }
}
