package org.habitatj.core.image;

/**
 * A mask that cannot be used as an ROI, with a message a user can act on. Batch code catches it
 * per case, writes one error row and continues (cases C01, C03, C04, C05).
 */
public class MaskException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Why the mask was refused. */
  public enum Reason {
    /** The requested label does not occur (C01); the message lists the labels present. */
    LABEL_ABSENT,
    /** No label was given and the mask holds more than one non-zero label. */
    AMBIGUOUS_LABEL,
    /** The mask holds non-integer values (C03); the message lists them. */
    NON_INTEGER_VALUES,
    /** The ROI has no voxel (C05). */
    EMPTY,
    /** The ROI is too small or too flat for the requested features (C04). */
    DEGENERATE,
    /** The mask's grid differs from the image's (C13); the message prints both geometries. */
    GEOMETRY_MISMATCH
  }

  private final Reason reason;

  public MaskException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
