package org.habitatj.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Volume;

/**
 * Decodes raw voxel bytes into a typed Java array and wraps it as an ImgLib2 view without a
 * further copy. Package-private helper of the readers.
 */
final class VoxelData {

  private VoxelData() {}

  /**
   * Decodes {@code n} voxels of the given type from {@code bytes} starting at {@code offset}.
   *
   * @return a byte[], short[], int[], long[], float[] or double[] matching the type's width
   */
  static Object decode(byte[] bytes, int offset, int n, VoxelType type, ByteOrder order) {
    ByteBuffer b = ByteBuffer.wrap(bytes, offset, n * type.bytes()).slice().order(order);
    switch (type) {
      case INT8:
      case UINT8: {
        byte[] a = new byte[n];
        b.get(a);
        return a;
      }
      case INT16:
      case UINT16: {
        short[] a = new short[n];
        b.asShortBuffer().get(a);
        return a;
      }
      case INT32:
      case UINT32: {
        int[] a = new int[n];
        b.asIntBuffer().get(a);
        return a;
      }
      case INT64:
      case UINT64: {
        long[] a = new long[n];
        b.asLongBuffer().get(a);
        return a;
      }
      case FLOAT32: {
        float[] a = new float[n];
        b.asFloatBuffer().get(a);
        return a;
      }
      case FLOAT64: {
        double[] a = new double[n];
        b.asDoubleBuffer().get(a);
        return a;
      }
      default:
        throw new IllegalArgumentException("unknown voxel type " + type);
    }
  }

  /** Wraps a decoded array (see {@link #decode}) as an ImgLib2 image of the stored values. */
  static RandomAccessibleInterval<? extends RealType<?>> wrap(
      Object array, VoxelType type, Geometry g) {
    long[] d = {g.size(0), g.size(1), g.size(2)};
    switch (type) {
      case INT8:
        return ArrayImgs.bytes((byte[]) array, d);
      case UINT8:
        return ArrayImgs.unsignedBytes((byte[]) array, d);
      case INT16:
        return ArrayImgs.shorts((short[]) array, d);
      case UINT16:
        return ArrayImgs.unsignedShorts((short[]) array, d);
      case INT32:
        return ArrayImgs.ints((int[]) array, d);
      case UINT32:
        return ArrayImgs.unsignedInts((int[]) array, d);
      case INT64:
        return ArrayImgs.longs((long[]) array, d);
      case UINT64:
        return ArrayImgs.unsignedLongs((long[]) array, d);
      case FLOAT32:
        return ArrayImgs.floats((float[]) array, d);
      case FLOAT64:
        return ArrayImgs.doubles((double[]) array, d);
      default:
        throw new IllegalArgumentException("unknown voxel type " + type);
    }
  }

  /**
   * A Volume over the stored values, or over {@code slope · stored + intercept} (a read-only
   * converted view, computed in double precision) when the scaling is not the identity.
   */
  static Volume volume(Object array, VoxelType type, Geometry g, double slope, double intercept) {
    RandomAccessibleInterval<? extends RealType<?>> raw = wrap(array, type, g);
    if (slope == 1 && intercept == 0) {
      return new Volume(raw, g);
    }
    return new Volume(scaled(raw, slope, intercept), g);
  }

  private static <T extends RealType<T>> RandomAccessibleInterval<DoubleType> scaledTyped(
      RandomAccessibleInterval<T> raw, double slope, double intercept) {
    return Converters.convert(
        raw, (in, out) -> out.set(slope * in.getRealDouble() + intercept), new DoubleType());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RandomAccessibleInterval<DoubleType> scaled(
      RandomAccessibleInterval<? extends RealType<?>> raw, double slope, double intercept) {
    return scaledTyped((RandomAccessibleInterval) raw, slope, intercept);
  }
}
