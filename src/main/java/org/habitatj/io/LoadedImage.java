package org.habitatj.io;

import java.nio.file.Path;
import java.util.List;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Volume;

/**
 * An image volume read from a file.
 *
 * @param path the file that was read (for a detached NRRD header: the header)
 * @param volume calibrated intensities (scaling such as NIfTI scl_slope/scl_inter applied) on the
 *     file's grid; index order (x, y, z) = the file's voxel order (first axis fastest), never
 *     flipped
 * @param voxelType how the voxels were stored in the file
 * @param scaled whether an intensity scaling (slope/intercept) was applied, i.e. the volume's
 *     values are no longer the stored values
 * @param notes things the reader decided that the user should know (e.g. which NIfTI transform
 *     was used), in plain words; empty when there is nothing to say
 */
public record LoadedImage(
    Path path, Volume volume, VoxelType voxelType, boolean scaled, List<String> notes) {

  public LoadedImage {
    notes = List.copyOf(notes);
  }

  /** The grid of the volume. */
  public Geometry geometry() {
    return volume.geometry();
  }
}
