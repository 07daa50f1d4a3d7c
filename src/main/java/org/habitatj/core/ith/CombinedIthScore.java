package org.habitatj.core.ith;

/**
 * The combined (tumour + peritumoral ring) ITH score: <b>HabitatJ's own definition</b>.
 *
 * <p>The study that introduced a "combined ITH score" (intratumoral + 3-mm peritumoral habitats)
 * does not publish how it is computed. HabitatJ defines it as follows:
 *
 * <ol>
 *   <li>The voxels of the tumour and of its peritumoral ring (see {@code
 *       org.habitatj.core.image.PeritumoralRing}) are clustered <b>jointly</b> (one standardisation
 *       and one K-means over the union), giving one habitat label map over the union.
 *   <li><b>Combined ITH</b> = the {@link IthScore} formula on that joint map, with S = |tumour ∪
 *       ring|: ITH = 1 − (1/S) Σ<sub>i</sub> A<sub>i</sub>/n<sub>i</sub>, regions of a habitat
 *       running freely across the tumour boundary.
 *   <li><b>Ring-only ITH</b> = the same formula on the joint map restricted to the ring voxels (S =
 *       |ring|; regions are connected within the ring only).
 *   <li>For reference, the tumour part of the joint map is also scored (S = |tumour|). The
 *       tumour-only ITH score proper comes from clustering the tumour alone.
 * </ol>
 *
 * <p>Pruning and connectivity are the {@link IthScore.Options} given (package defaults: 8-connected,
 * 1-pixel regions dropped; the small-tumour rule uses the S of each score).
 */
public final class CombinedIthScore {

  /**
   * Scores.
   *
   * @param combined score of the joint map over tumour ∪ ring
   * @param ringOnly score of the joint map restricted to the ring, {@code null} if the ring is
   *     empty
   * @param tumourPart score of the joint map restricted to the tumour, {@code null} if no tumour
   *     voxel is labelled
   */
  public record Result(IthScore.Result combined, IthScore.Result ringOnly,
      IthScore.Result tumourPart) {}

  private CombinedIthScore() {}

  /**
   * Computes the combined, ring-only and tumour-part scores.
   *
   * @param jointLabels habitat per voxel from the joint clustering, 0 outside tumour ∪ ring, x
   *     fastest
   * @param ring 1 for ring voxels (the rest of the labelled voxels are tumour), same size
   * @param nx size along x
   * @param ny size along y
   * @param nz size along z
   * @param options connectivity and pruning
   * @throws IllegalArgumentException if sizes disagree or the joint map is empty
   */
  public static Result compute(int[] jointLabels, byte[] ring, int nx, int ny, int nz,
      IthScore.Options options) {
    if (ring.length != jointLabels.length) {
      throw new IllegalArgumentException("ring mask has " + ring.length
          + " voxels but the joint label map has " + jointLabels.length);
    }
    IthScore.Result combined = IthScore.compute(jointLabels, nx, ny, nz, options);
    int[] ringL = new int[jointLabels.length];
    int[] tumL = new int[jointLabels.length];
    boolean anyRing = false;
    boolean anyTum = false;
    for (int i = 0; i < ringL.length; i++) {
      if (jointLabels[i] == 0) {
        continue;
      }
      if (ring[i] != 0) {
        ringL[i] = jointLabels[i];
        anyRing = true;
      } else {
        tumL[i] = jointLabels[i];
        anyTum = true;
      }
    }
    return new Result(combined,
        anyRing ? IthScore.compute(ringL, nx, ny, nz, options) : null,
        anyTum ? IthScore.compute(tumL, nx, ny, nz, options) : null);
  }
}
